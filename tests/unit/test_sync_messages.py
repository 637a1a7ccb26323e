"""The engine's sentences as coded messages: English as before, French, and the window's
variant of a next step (it names the button, not the command)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.config.rules import (
    AttributeMapping,
    MappingSet,
    MappingType,
    ScopingClause,
    ScopingFilter,
    ScopingOperator,
)
from app.directory.base import SourceUser
from app.language import translator
from app.messages import Message, english
from app.sync import outcome_messages as said
from app.sync import plan_messages as plan_said
from app.sync import write_messages as write_said
from app.sync.events import CycleResult, Status, SyncEvent
from app.sync.expressions import ExpressionError, parse
from app.sync.lock import LockHeld, age_said, age_text
from app.sync.mapping import Mapper, MappingError
from app.sync.on_demand import result_words, scope_words
from app.sync.outcome import CycleTally, held_event, quarantine_wait, skipped_event
from app.sync.plan import DISABLED_IN_SOURCE, Action, Plan, PlannedOperation
from app.sync.planner.operations import skip
from app.sync.safety import SafetySettings, check_deletion_guard, next_quarantine
from app.sync.scim_paths import ScimPathError, parse_scim_path
from app.sync.scoping import ScopingFilterError, explain, explain_said, validate_filters
from app.sync.state import StateStore
from app.sync.state.records import INTERRUPTED_REASON, InterruptedCycle, Quarantine
from app.sync.usernames import UnreadableUserName, check_user_name

FR = translator("fr")


def test_a_held_cycle_says_its_next_step_in_the_terminal_and_in_the_window() -> None:
    step = said.ALLOW_NEXT(profile="hr")
    cli = step.render(english, "cli")
    assert "`webex-provisioner sync --profile hr --allow-deletes`" in cli
    assert cli == str(step)
    gui = step.render(english, "gui")
    assert '"Allow the removals and run…"' in gui
    assert "webex-provisioner" not in gui
    assert "`webex-provisioner sync --profile hr --allow-deletes`" in step.render(FR, "cli")
    assert "Vérifiez la source" in step.render(FR, "mail")
    french_gui = step.render(FR, "gui")
    assert "« Autoriser les retraits et exécuter… »" in french_gui
    assert "webex-provisioner" not in french_gui


def test_the_threshold_reason_keeps_its_english_and_reads_in_french() -> None:
    verdict = check_deletion_guard(60, 60, 0, 0, SafetySettings())
    coded = verdict.coded_reason
    assert coded is not None
    assert str(coded) == verdict.reason
    assert verdict.reason == (
        "This cycle would disable or delete 60 of 60 provisioned users (100 %); the threshold "
        "is more than 500 or more than 20 % (from 10 removals)."
    )
    french = coded.render(FR, "cli")
    assert french.startswith("Ce cycle désactiverait ou supprimerait 60 des 60 utilisateurs")
    assert "plus de 500 ou plus de 20 %" in french


def test_a_held_tally_keeps_the_english_and_the_codes() -> None:
    tally = CycleTally("c1", datetime(2026, 1, 1, tzinfo=UTC), "full")
    verdict = check_deletion_guard(60, 60, 0, 0, SafetySettings())
    tally.hold(verdict.held_reason(), said.ALLOW_NEXT(profile="hr"))
    assert tally.held_reason == verdict.reason + " The cycle is held: nothing was sent."
    assert tally.held_coded_next is not None
    assert "« Autoriser les retraits" in tally.held_coded_next.render(FR, "gui")


def test_a_held_operation_names_the_button_in_the_window() -> None:
    op = PlannedOperation("User", Action.DISABLE, "s1", "ada@example.com", target_id="t1")
    event = held_event("c1", op)
    assert event.status == Status.HELD
    assert event.message == "held by the accidental-deletion threshold: the cycle sent nothing"
    assert event.next_step == (
        "Run `webex-provisioner sync --allow-deletes` if the removals are intended."
    )
    assert event.coded_next_step is not None
    assert event.coded_next_step.render(FR, "gui") == (
        "Appuyez sur « Autoriser les retraits et exécuter… » si les retraits sont voulus."
    )


def test_a_quarantined_profile_says_restart_as_a_command_or_a_button() -> None:
    quarantine = Quarantine(
        reason="The token expired.",
        next_step="Sign in again.",
        cause="auth",
        since=datetime(2026, 1, 1, tzinfo=UTC),
        next_attempt=datetime(2026, 1, 1, 6, tzinfo=UTC),
        level=1,
    )
    result = quarantine_wait(quarantine, "c1", datetime(2026, 1, 1, 1, tzinfo=UTC), "hr")
    assert result.next_step == (
        "Sign in again. Once fixed, run `webex-provisioner restart --profile hr` to try "
        "again at once."
    )
    assert result.coded_next_step is not None
    assert "« Redémarrer le provisionnement… »" in result.coded_next_step.render(FR, "gui")
    assert result.coded_reason is not None
    assert result.coded_reason.render(FR, "cli").startswith("Le profil est en quarantaine")


def test_failures_count_in_the_right_number() -> None:
    assert str(said.FAILED_SOME(failed=2)) == "2 operations failed."
    assert said.FAILED_SOME(failed=1).render(FR, "cli") == "1 opération a échoué."
    assert said.FAILED_SOME(failed=3).render(FR, "cli") == "3 opérations ont échoué."


def test_a_plan_reason_reads_in_french() -> None:
    sales = ScopingClause(attribute="department", operator=ScopingOperator.EQUALS, value="Sales")
    ends = ScopingClause(
        attribute="mail",
        operator=ScopingOperator.ENDS_WITH,
        value="@example.com",
        case_insensitive=True,
    )
    filters = [ScopingFilter(name="Sales", clauses=[sales]), ScopingFilter(clauses=[ends])]
    attributes = {"department": "Marketing", "mail": ""}
    why = explain_said(attributes, filters)
    assert why is not None
    assert str(why) == explain(attributes, filters)
    assert str(why) == (
        'out of scope: Sales: department EQUALS Sales was false (department is "Marketing"); '
        "filter 2: mail ENDS_WITH @example.com (ignoring case) was false (mail is empty)"
    )
    assert why.render(FR, "cli") == (
        "hors étendue : Sales : department EQUALS Sales était faux (department : "
        "« Marketing ») ; filtre 2 : mail ENDS_WITH @example.com (sans tenir compte de la "
        "casse) était faux (mail : vide)"
    )


def test_a_skipped_operation_carries_its_reason_coded() -> None:
    user = SourceUser(source_id="s1", user_name="ada@example.com", attributes={}, enabled=False)
    op = skip(user, DISABLED_IN_SOURCE, plan_said.DISABLED_IN_SOURCE(), None)
    assert op.detail == "disabled in the source"
    event = skipped_event("c1", op)
    assert event.message == "disabled in the source"
    assert event.coded_message is not None
    assert event.coded_message.render(FR, "gui") == "désactivé dans la source"


def test_an_expression_error_reads_in_french() -> None:
    with pytest.raises(ExpressionError) as caught:
        parse('Joinn(",", [a])', known_attributes=["a"])
    error = caught.value
    assert error.message == (
        'The expression has an error at column 1 (near `Joinn(",", […`): unknown function '
        '"Joinn"; did you mean "Join"?'
    )
    assert error.coded_message is not None
    assert error.coded_message.render(FR, "gui") == (
        'L’expression contient une erreur à la colonne 1 (près de `Joinn(",", […`) : '
        "fonction inconnue « Joinn » ; vouliez-vous dire « Join » ?"
    )
    assert error.coded_problem is not None
    _, next_step = error.texts(FR, "gui")
    assert next_step == "Corrigez l’expression à cet endroit et réessayez."


def test_a_mapping_error_carries_the_expression_error_in_french() -> None:
    broken = AttributeMapping(
        target="displayName", type=MappingType.EXPRESSION, expression="Join(, [mail]"
    )
    base = AttributeMapping(target="userName", source="mail", matching_precedence=1)
    with pytest.raises(MappingError) as caught:
        Mapper(MappingSet(users=[base, broken]), known_source_attributes=["mail"])
    error = caught.value
    assert error.coded_message is not None
    assert str(error.coded_message) == error.message
    assert error.message.startswith('The mapping for "displayName" has an error at column 5')
    french = error.coded_message.render(FR, "cli")
    assert french.startswith("Le mappage de « displayName » contient une erreur à la colonne 5")
    assert "n’est pas fermée" in french


def test_a_failed_write_keeps_webex_words_and_the_on_demand_steps_read_in_french() -> None:
    event = SyncEvent(
        kind="operation",
        status=Status.FAILURE,
        message="2 members are not on the target",
        coded_message=write_said.MEMBERS_MISSING(count=2),
    )
    steps = result_words(event, Status.FAILURE)
    assert steps[0].english == (
        "Result: Failure: 2 members are not on the target yet (their own operation failed); "
        "the next cycle adds them."
    )
    assert (
        steps[0]
        .render(FR, "gui")
        .startswith("Résultat : Échec : 2 membres ne sont pas encore sur la cible")
    )
    one = write_said.MEMBERS_MISSING(count=1)
    assert one.render(FR, "cli").startswith("1 membre n’est pas encore sur la cible")
    assert scope_words(True, "").render(FR, "gui") == "Dans l’étendue."


def test_a_held_lock_says_who_holds_the_profile_in_french() -> None:
    error = LockHeld("hr", None)
    assert error.message == "Another webex-provisioner process is running a cycle of profile hr."
    message, next_step = error.texts(FR, "cli")
    assert message == "Un autre processus webex-provisioner exécute un cycle du profil hr."
    assert next_step == "Attendez qu’il se termine, puis réessayez."
    assert age_text(timedelta(days=3, hours=2)) == "3 days 2 h"
    assert age_said(timedelta(days=3)).render(FR, "cli") == "3 jours"


def test_a_refused_user_name_and_a_bad_path_read_in_french() -> None:
    with pytest.raises(UnreadableUserName) as caught:
        check_user_name("ada lovelace@example.com", row=4)
    error = caught.value
    assert error.message.startswith("Row 4: the userName ")
    assert error.message.endswith("a space (an address holds none), so this user was not sent.")
    message, next_step = error.texts(FR, "cli")
    assert message.startswith("Ligne 4 : le userName ")
    assert "une espace (une adresse n’en contient aucune)" in message
    assert next_step.startswith("Retirez-le du userName")
    with pytest.raises(ScimPathError) as bad_path:
        parse_scim_path("emails[type eq")
    assert bad_path.value.texts(FR, "gui")[0] == (
        "L’attribut cible « emails[type eq » n’est pas un chemin SCIM valide : un crochet "
        "n’est pas fermé."
    )


def test_a_plan_keeps_its_notes_in_english_and_coded() -> None:
    plan = Plan()
    plan.add_note(said.RESUMED_FIRST(count=3))
    plan.add_note("a plain note")
    assert plan.notes == [
        "3 operations of an interrupted cycle will be resumed first.",
        "a plain note",
    ]
    coded = plan.said_notes()[0]
    assert isinstance(coded, Message)
    assert coded.render(FR, "gui") == "3 opérations d’un cycle interrompu seront reprises d’abord."
    plan.notes.append("added by hand")
    assert plan.said_notes() == plan.notes


def test_an_interrupted_cycle_says_so_in_english_as_before_and_in_french() -> None:
    assert said.INTERRUPTED().english == INTERRUPTED_REASON
    interrupted = InterruptedCycle(
        cycle_id="c7",
        started=datetime(2026, 1, 1, tzinfo=UTC),
        stopped=datetime(2026, 1, 1, 0, 5, tzinfo=UTC),
        mode="full",
        done=40,
        planned=100,
    )
    assert interrupted.describe().startswith("The last cycle (c7) was interrupted at 40 of 100")
    assert (
        interrupted.described()
        .render(FR, "gui")
        .startswith("Le dernier cycle (c7) a été interrompu à l’opération 40 sur 100")
    )


def test_a_quarantine_keeps_its_coded_words_in_the_state_file(tmp_path: Path) -> None:
    reason = said.FAILURE_RATE(failed=30, attempted=60)
    quarantine = next_quarantine(
        None,
        reason=reason,
        next_step=said.FAILURE_RATE_NEXT(),
        cause="failure_rate",
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    assert quarantine.reason == reason.english
    with StateStore(tmp_path / "hr.sqlite") as state:
        state.set_quarantine(quarantine)
        stored = state.quarantine()
    assert stored is not None
    assert stored.coded_reason == reason
    french_reason, french_step = stored.texts(FR, "gui")
    assert french_reason.startswith("30 des 60 opérations ont échoué")
    assert french_step == "Lisez les échecs dans le journal de provisionnement (l’onglet Journaux)."


def test_a_cycle_summary_reads_in_french() -> None:
    result = CycleResult(
        cycle_id="c9",
        started=datetime(2026, 1, 1, tzinfo=UTC),
        finished=datetime(2026, 1, 1, tzinfo=UTC),
        outcome="completed_with_failures",
        counts={"Create": {"Success": 3, "Failure": 2}},
        reason=said.FAILED_SOME(failed=2).english,
        coded_reason=said.FAILED_SOME(failed=2),
    )
    assert result.summary() == (
        "Cycle c9 completed with failures: Create 5. 2 failed. 2 operations failed."
    )
    assert result.summary_said().render(FR, "gui") == (
        "Cycle c9 terminé avec des échecs : Create 5. 2 en échec. 2 opérations ont échoué."
    )


def test_a_scoping_clause_that_cannot_be_evaluated_reads_in_french() -> None:
    clause = ScopingClause(attribute="age", operator=ScopingOperator.GREATER_THAN, value="x")
    with pytest.raises(ScopingFilterError) as caught:
        validate_filters([ScopingFilter(clauses=[clause])])
    error = caught.value
    assert error.message == (
        'Scoping filter "#1", clause 1: GREATER_THAN compares numbers, and "x" is not a number.'
    )
    assert error.texts(FR, "gui") == (
        "Filtre d’étendue « n° 1 », clause 1 : GREATER_THAN compare des nombres, et « x » "
        "n’est pas un nombre.",
        "Corrigez la clause sur la page Filtres d’étendue et enregistrez de nouveau.",
    )
