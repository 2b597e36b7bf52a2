-- A follow-up message some hours after an appointment ends (off while NULL); it waits in the reminders
-- table as kind 'follow_up', starts_at holding the appointment's end.
ALTER TABLE notification_settings ADD COLUMN follow_up_hours INT CHECK (follow_up_hours BETWEEN 1 AND 168);
ALTER TABLE notification_reminders DROP CONSTRAINT notification_reminders_kind_check;
ALTER TABLE notification_reminders ADD CONSTRAINT notification_reminders_kind_check
    CHECK (kind IN ('class', 'appointment', 'follow_up'));
-- A follow-up two hours after and a reminder two hours before the same appointment are two reminders.
ALTER TABLE notification_reminders DROP CONSTRAINT notification_reminders_org_id_entity_id_offset_minutes_key;
ALTER TABLE notification_reminders ADD CONSTRAINT notification_reminders_once
    UNIQUE (org_id, entity_id, kind, offset_minutes);
