"""The meeting window: the agenda, legal bases, carry-over suggestions and participants."""
