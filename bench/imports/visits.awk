# Writes a Mindbody-style visits export: N rows, 100 visits per class, 10 classes a day, clients
# M-1..M-<clients> (distinct within a class), US dates, a late cancel or no-show now and then.
BEGIN {
    OFS = ","
    print "Visit ID", "Client ID", "First Name", "Last Name", "Visit Date", "Visit Time", "Class Name", "Staff", "Location", "Late Cancel", "No Show"
    split("Vinyasa Flow,Pilates Mat,Yin Yoga,HIIT,Barre", classes, ",")
    for (i = 0; i < rows; i++) {
        session = int(i / 100)
        day = int(session / 10)
        hour = 7 + (session % 10)
        t = start + day * 86400
        date = strftime("%m/%d/%Y", t, 1)
        client = (i * 7919) % clients + 1
        late = (i % 23 == 0) ? "Yes" : "No"
        noshow = (i % 31 == 0 && i % 23 != 0) ? "Yes" : "No"
        print "V" i, "M-" client, "First" client, "Last" client, date, sprintf("%d:00 %s", (hour > 12 ? hour - 12 : hour), (hour >= 12 ? "PM" : "AM")), classes[session % 5 + 1], "", "Main", late, noshow
    }
}
