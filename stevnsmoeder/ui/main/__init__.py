"""The main window and its pages: the start page, the calendar, the meeting and case lists."""
