"""Demand expansion: the school's curriculum, load, electives and activities become the meetings
that every later step (the timetable model, rooms, diagnosis) reads."""

from keste.solver.demand.expansion import expand
from keste.solver.demand.meetings import Demand, Meeting, RoomNeed, Section, need_key

__all__ = ["Demand", "Meeting", "RoomNeed", "Section", "expand", "need_key"]
