"""Write the binary examples in examples/ (a PDF, a scanned clipping, an EPUB, a Word
file) from the text below, with the same makers the tests use. Run once after editing
the text:  python scripts/make_format_examples.py

The text is written for these examples: the 1911 theft of the Mona Lisa, the subject
of the other examples, told from other angles."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from format_makers import make_docx, make_epub, make_image, make_pdf  # noqa: E402

EXAMPLES = ROOT / "examples"

GUIDE_PAGES = [
    ["The Empty Wall", "",
     "On the morning of Tuesday, 22 August 1911, the painter Louis Béroud set up his",
     "easel in the Salon Carré of the Louvre and found only four iron pegs where the",
     "portrait should have hung. The guards assumed it had gone to the photographers,",
     "and it was several hours before anyone admitted that the picture was missing.1", "",
     "The museum closed its doors for a week. The director, Théophile Homolle, was",
     "on holiday in Normandy and came back to a storm of newspaper criticism; he re-",
     "signed before the autumn was out."],
    ["The Investigation", "",
     "Alphonse Bertillon of the Paris police found a thumbprint on the discarded glass",
     "case, but his files were sorted by right thumbs and the print was a left one.", "",
     "In September 1911 the poet Guillaume Apollinaire was arrested and spent five",
     "days in the Santé prison. His friend Pablo Picasso was questioned and released.",
     "Neither man had anything to do with the theft."],
]
GUIDE_NOTES = {0: ["1 The copyist's account was printed in the Paris papers that week."]}

CLIPPING = [
    "FLORENCE, Dec. 13, 1913.",
    "The police of this city arrested today a",
    "house painter named Vincenzo Peruggia,",
    "who had offered the stolen portrait to the",
    "antique dealer Alfredo Geri. The painting",
    "was found in a trunk in his hotel room",
    "and taken to the Uffizi Gallery.",
]

BOOK = ("A Museum and Its Thief", [
    ("The Workman", [
        "Vincenzo Peruggia was born in 1881 in Dumenza, a village near Lake Maggiore.",
        "He came to Paris in 1908 and worked for a firm of glaziers that fitted the protective "
        "glass cases in the Louvre, so the guards knew his face.",
    ]),
    ("The Return", [
        "After its recovery the portrait was shown in Florence, Rome and Milan.",
        "It travelled back to Paris by train and was hung again in the Louvre on 4 January 1914.",
    ]),
])

LECTURE = ("Lecture notes: the trial in Florence", [
    ("The Charge", [
        "Peruggia was tried in Florence in June 1914.",
        "He told the court that he had wanted to return the painting to Italy.",
    ]),
    ("The Sentence", [
        "The judges sentenced him to one year and fifteen days in prison.",
        "He was released after about seven months, in the late summer of 1914.",
    ]),
], (1, "The length of the sentence was reduced on appeal."))


def main() -> None:
    make_pdf(EXAMPLES / "gallery-guide.pdf", GUIDE_PAGES, header="The Louvre Affair · A Visitor's Guide",
             notes=GUIDE_NOTES, title="The Empty Wall")
    make_image(EXAMPLES / "scanned-clipping.png", CLIPPING)
    make_epub(EXAMPLES / "museum-history.epub", BOOK[0], BOOK[1])
    make_docx(EXAMPLES / "lecture-notes.docx", LECTURE[0], LECTURE[1], footnote=LECTURE[2])
    for name in ("gallery-guide.pdf", "scanned-clipping.png", "museum-history.epub", "lecture-notes.docx"):
        print(f"wrote examples/{name} ({(EXAMPLES / name).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
