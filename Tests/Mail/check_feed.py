#!/usr/bin/env python3
"""Checks an iCalendar feed with the PyPI package icalendar, as a subscribing client reads it.

  check_feed.py FEED.ics [SUMMARY=YYYY-MM-DD ...]

Exits 1, naming the problem, when the feed does not parse, a component carries a parse error,
a required property is missing, or an expected event (by summary and due date) is absent.
"""
import datetime
import sys

import icalendar


def main():
    path, expected = sys.argv[1], sys.argv[2:]
    data = open(path, "rb").read()
    cal = icalendar.Calendar.from_ical(data)
    problems = []
    for part in cal.walk():
        for error in getattr(part, "errors", []):
            problems.append("%s: %s" % (part.name, error))
    for prop in ("VERSION", "PRODID"):
        if prop not in cal:
            problems.append("the calendar has no " + prop)
    events = {}
    for event in cal.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if prop not in event:
                problems.append("an event has no " + prop)
        start = event.decoded("DTSTART")
        if type(start) is not datetime.date:
            problems.append("%s: not an all-day event" % event.get("SUMMARY"))
        if event.decoded("DTEND") - start != datetime.timedelta(days=1):
            problems.append("%s: does not last one day" % event.get("SUMMARY"))
        events[str(event.get("SUMMARY"))] = start.isoformat()
    for pair in expected:
        summary, day = pair.rsplit("=", 1)
        if events.get(summary) != day:
            problems.append("no event %r on %s (events: %r)" % (summary, day, events))
    if problems:
        print("\n".join(problems))
        return 1
    print("%s: %d events, valid" % (path, len(events)))
    for summary, day in sorted(events.items(), key=lambda e: e[1]):
        print("  %s  %s" % (day, summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
