"""Type stubs of the native module (checked against it with mypy.stubtest)."""

from typing import Any, Dict, List, Optional

from typing_extensions import final

__all__ = [
    "ArgumentError",
    "Catalogue",
    "CatalogueError",
    "ChisoError",
    "__version__",
    "catalogue_schema",
    "check_catalogue",
    "diff_catalogues",
]
__version__: str

class ChisoError(ValueError):
    code: str
    path: Optional[str]
    message_vi: str
    message_en: str
    findings: List[Dict[str, Any]]

class CatalogueError(ChisoError): ...
class ArgumentError(ChisoError): ...

@final
class Catalogue:
    @staticmethod
    def nq57() -> Catalogue: ...
    @staticmethod
    def from_json(text: str) -> Catalogue: ...
    def to_json(self) -> str: ...
    def validate_json(self) -> str: ...
    def indicators_json(self, layer: Optional[str] = None) -> str: ...
    def indicator_json(self, code: str) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def version(self) -> str: ...
    def __len__(self) -> int: ...

def check_catalogue(text: str) -> str: ...
def diff_catalogues(old: Catalogue, new: Catalogue) -> str: ...
def catalogue_schema() -> str: ...
