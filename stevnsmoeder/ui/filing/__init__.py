"""Filing in the case system (ESDH): the filing dialog and the start page's list of what is not
yet filed."""
