"""Planning dialogs: moving a meeting, participants, series and closed days."""
