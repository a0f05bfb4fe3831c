"""Reading the figures a narrative states: pure extraction, no rules.

``sentences`` cuts a section into lines and sentences; ``lexicon`` names the word classes;
``lexer`` turns a sentence into tokens; ``grammar`` holds the sentence shapes and reads claims
from a token string; ``claims`` walks a section with its context (headings, the paragraph's
topic, the main figure); ``figures`` says which table cells each figure stands for.
"""

from .claims import Claim, claims
from .figures import Figure, figure, figures
from .sentences import Sentence, sentences

__all__ = ["Claim", "Figure", "Sentence", "claims", "figure", "figures", "sentences"]
