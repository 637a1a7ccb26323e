"""The wizard's pages, in the tutorial's order."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage

from app.ui.pages.credentials import CredentialsPage
from app.ui.pages.host import WizardHost
from app.ui.pages.mappings import MappingsPage
from app.ui.pages.notifications import NotificationsPage
from app.ui.pages.review import ReviewPage
from app.ui.pages.run import RunPage
from app.ui.pages.scope import ScopePage
from app.ui.pages.scoping import ScopingPage
from app.ui.pages.source import SourcePage
from app.ui.pages.welcome import WelcomePage


def build_pages(wizard: WizardHost) -> list[QWizardPage]:
    return [
        WelcomePage(wizard),
        SourcePage(wizard),
        CredentialsPage(wizard),
        NotificationsPage(wizard),
        MappingsPage(wizard),
        ScopingPage(wizard),
        ScopePage(wizard),
        ReviewPage(wizard),
        RunPage(wizard),
    ]
