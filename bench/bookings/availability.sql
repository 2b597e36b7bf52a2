-- The queries behind one availability answer for one staff member over two weeks, as raw SQL.
SELECT weekday, start_time, end_time FROM staff_working_hours WHERE org_id = ':org' AND staff_id = ':staff' AND location_id = ':location';
SELECT blocked_from, blocked_to FROM appointments WHERE org_id = ':org' AND staff_id = ':staff' AND status IN ('pending', 'confirmed', 'completed') AND blocked_to > now() AND blocked_from < now() + interval '16 days'
UNION ALL SELECT starts_at, ends_at FROM class_sessions WHERE org_id = ':org' AND coalesce(substitute_instructor_id, instructor_id) = ':staff' AND status = 'scheduled' AND ends_at > now() AND starts_at < now() + interval '16 days'
UNION ALL SELECT starts_at, ends_at FROM staff_time_off WHERE org_id = ':org' AND staff_id = ':staff' AND ends_at > now() AND starts_at < now() + interval '16 days';
