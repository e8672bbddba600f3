"""The live meeting and its minutes: notes, decisions, actions, presence, approval,
addenda and versions."""
