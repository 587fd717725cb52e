"""A trained re-typing of extracted events: features, the saved model, and its training.

The rules find events, roles, places, dates and counts; a classifier trained
on any gold file in the evaluate format (``eventscope train``) then replaces
each event's ACLED event type and sub-type. Nothing else in the event changes.
"""

from eventscope.classify.model import (
    MANIFEST,
    MODEL_FILE,
    Classifier,
    load_classifier,
    retype_events,
)

__all__ = ["MANIFEST", "MODEL_FILE", "Classifier", "load_classifier", "retype_events"]
