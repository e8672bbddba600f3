"""The window of the shared record on a laptop: the conflicts to decide on."""
