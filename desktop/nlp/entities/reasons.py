"""Why a span has its label: the words shown in the entity table's ``reason`` column."""

from __future__ import annotations

# The words the model layer also checks for, so they are defined once, in core.
from desktop.core.suggestions import FROM_CORRECTIONS as FROM_CORRECTIONS

MODEL = "model"
CAPS_REREAD = "all-caps re-read"
GAZETTEER_PREFIX = "gazetteer: "
CONSISTENCY_PREFIX = "document consistency: "
ABBREVIATION_PREFIX = "abbreviation of "


def gazetteer(kind: str, country: str) -> str:
    """'gazetteer: country', 'gazetteer: capital of Azerbaijan',
    'gazetteer: demonym of Kazakhstan'."""
    if kind == "country":
        return f"{GAZETTEER_PREFIX}country"
    return f"{GAZETTEER_PREFIX}{kind} of {country}"


def same_as(name: str) -> str:
    """A short form that takes the label of the full name it belongs to."""
    return f"{CONSISTENCY_PREFIX}same as '{name}'"


def short_for(name: str) -> str:
    """The leading words of a company's full name ("Halverton" of "Halverton Corp.")."""
    return f"{CONSISTENCY_PREFIX}short for '{name}'"


def other_mentions(surface: str) -> str:
    """A mention labelled like the other mentions of the same words."""
    return f"{CONSISTENCY_PREFIX}same as the other mentions of '{surface}'"


def abbreviation(long_form: str) -> str:
    """A short form defined in the text, e.g. "... States (OTS)"."""
    return f"{ABBREVIATION_PREFIX}'{long_form}'"


def long_form(short_form: str) -> str:
    """The long form of an abbreviation, labelled like its short form."""
    return f"{CONSISTENCY_PREFIX}long form of '{short_form}'"


CONTEXT_PREFIX = "context: "


def place_adjective(noun: str) -> str:
    """A place's adjective before a geographic noun ("the Caspian region")."""
    return f"{CONTEXT_PREFIX}a place's name before '{noun}'"


def ethnonym(word: str) -> str:
    """A people's word used as an adjective ("the Turkic vector")."""
    return f"{CONTEXT_PREFIX}'{word}' names a people (language family or language)"


def quoted_source(cue: str) -> str:
    """A name introduced as the source of a report ("told Trend")."""
    return f"{CONTEXT_PREFIX}a named source after '{cue}' (a news agency or outlet)"


def town(state: str) -> str:
    """A town named before its state's abbreviation ("Danbury, Conn.")."""
    return f"{CONTEXT_PREFIX}a town's name before the state '{state}'"


def legal_form(form: str) -> str:
    """A name that ends with a company's legal form ("Halverton & Co.")."""
    return f"{CONTEXT_PREFIX}the name ends with the legal form '{form}'"



def landform(noun: str) -> str:
    """A name of land or water, by its landform noun ("the Ardent Valley", "the Marlin field")."""
    return f"{CONTEXT_PREFIX}a name of land or water ('{noun}')"


def division(noun: str) -> str:
    """A name before the noun of a territory's division ("Tesaki prefecture")."""
    return f"{CONTEXT_PREFIX}a place's name before '{noun}'"


def structure(noun: str) -> str:
    """A name ending with a built structure's noun ("the Harlan Street Bridge")."""
    return f"{CONTEXT_PREFIX}a facility's name ('{noun}')"


def person_with_role(role: str) -> str:
    """A name with a person's role after it ("Dana Ruiz, a senior writer")."""
    return f"{CONTEXT_PREFIX}a person's name before ', {role}'"
