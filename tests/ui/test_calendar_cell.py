"""A full day in the month view: the meetings that fit, then "+N …" on a line of its own
(it used to be drawn over the last meeting shown)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.ui.main.calendar_view import fitting


@given(
    heights=st.lists(st.integers(1, 60), max_size=12),
    room=st.integers(0, 400),
    marker=st.integers(1, 30),
)
def test_the_meetings_shown_and_the_marker_never_overlap_nor_overflow(
    heights: list[int], room: int, marker: int
) -> None:
    shown = fitting(heights, room, marker)
    assert 0 <= shown <= len(heights)
    if shown == len(heights):
        assert sum(heights) <= room  # all of them fit: no marker
        return
    if shown:
        assert sum(heights[:shown]) + marker <= room  # the marker below them, inside
    # and no more could have been shown with the marker still below them
    more = heights[: shown + 1]
    last = shown + 1 == len(heights)
    assert sum(more) + (0 if last else marker) > room


def test_a_day_of_five_in_room_for_four_shows_three_and_the_marker() -> None:
    assert fitting([14] * 5, 4 * 14, 14) == 3
    assert fitting([14] * 4, 4 * 14, 14) == 4  # exactly full: no marker needed
