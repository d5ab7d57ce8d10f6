"""The course in Traditional script: the zh-Hant edition of the built site.

``convert`` turns Simplified text into Traditional (OpenCC ``s2twp`` and the course's own
``terms.yaml``), ``html`` converts what a reader sees in a page and nothing else, ``site``
writes the whole edition beside the Simplified site, and ``check`` finds any
Simplified-only character left in it.
"""

from carecourse.edition.convert import to_traditional
from carecourse.edition.site import EDITION, SWITCH, write_edition

__all__ = ["EDITION", "SWITCH", "to_traditional", "write_edition"]
