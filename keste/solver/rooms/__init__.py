"""Concrete rooms for the placed lessons."""
