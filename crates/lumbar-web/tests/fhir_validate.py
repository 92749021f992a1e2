#!/usr/bin/env python3
"""Validates FHIR R4 (4.0.1) JSON resources with an independent implementation: the
`fhir.resources` package from PyPI (6.4.0: its default models are FHIR R4 4.0.1; 7.x has
only R5, R4B, STU3 and DSTU2), on pydantic 1.

Usage: fhir_validate.py DIR   -- every *.json file in DIR is one resource.
Exit 0 when every resource parses (types, cardinalities, required elements, choice types,
no unknown elements); 1 with the errors otherwise; 2 when the package is missing.
Called by crates/lumbar-web/tests/web/fhir.rs; scripts/test installs the package.
"""
import json
import pathlib
import sys

INSTALL = (
    "install the FHIR R4 validator (fhir.resources 6.4.0 on pydantic 1) in a venv:\n"
    "  python3 -m venv target/fhir-venv && "
    "target/fhir-venv/bin/python -m pip install 'fhir.resources==6.4.0' 'pydantic>=1.10,<2'\n"
    "(scripts/test does this), or point LUMBAR_FHIR_PYTHON at a python that has it"
)

try:
    import fhir.resources
    from fhir.resources import get_fhir_model_class
except Exception as e:  # missing, or the wrong pydantic
    print(f"fhir_validate.py: cannot import fhir.resources ({e}); {INSTALL}", file=sys.stderr)
    sys.exit(2)

if getattr(fhir.resources, "__fhir_version__", None) != "4.0.1":
    print(
        f"fhir_validate.py: fhir.resources {fhir.resources.__version__} validates FHIR "
        f"{getattr(fhir.resources, '__fhir_version__', '?')}, not R4 4.0.1; {INSTALL}",
        file=sys.stderr,
    )
    sys.exit(2)


def main() -> int:
    folder = pathlib.Path(sys.argv[1])
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"fhir_validate.py: no *.json in {folder}", file=sys.stderr)
        return 1
    failed = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            model = get_fhir_model_class(data["resourceType"])
            model.parse_obj(data)
        except Exception as e:  # pydantic.ValidationError and unknown resource types
            failed += 1
            print(f"{path.name}: INVALID\n{e}\n", file=sys.stderr)
        else:
            print(f"{path.name}: valid {data['resourceType']} (fhir.resources {fhir.resources.__version__}, FHIR {fhir.resources.__fhir_version__})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
