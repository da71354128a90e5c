"""Content accounts: add_content_user, make run's local accounts, and check --deploy's warning about superusers."""

from io import StringIO
from unittest import mock

from django.contrib.auth.models import Group, User
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.test import Client, TestCase, override_settings

from decisionaid.content.checks import check_no_superusers
from decisionaid.content.signals import EDITOR_GROUP, REVIEWER_GROUP

STRONG = "marble-otter-quietly-47"


def add_content_user(*args, stdin=None):
    out = StringIO()
    call_command("add_content_user", *args, stdout=out, **({"stdin": StringIO(stdin)} if stdin is not None else {}))
    return out.getvalue()


def printed_password(output):
    return output.split("password:")[1].split()[0]


def groups_of(name):
    return sorted(User.objects.get(username=name).groups.values_list("name", flat=True))


def sign_in(name, password, address="10.9.9.9"):
    client = Client(REMOTE_ADDR=address)
    response = client.post("/admin/login/?next=/admin/", {"username": name, "password": password})
    return client, response


class AddContentUserTests(TestCase):
    def test_it_creates_a_staff_editor_who_can_sign_in_with_the_printed_password(self):
        output = add_content_user("alice", "--role", "editor")
        alice = User.objects.get(username="alice")
        assert (alice.is_staff, alice.is_active, alice.is_superuser) == (True, True, False)
        assert groups_of("alice") == [EDITOR_GROUP]
        assert "shown only now" in output
        client, response = sign_in("alice", printed_password(output))
        assert response.status_code == 302 and response["Location"] == "/admin/"
        assert client.get("/admin/").status_code == 200

    def test_a_reviewer_gets_the_reviewer_group_and_a_password_from_stdin(self):
        output = add_content_user("bob", "--role", "reviewer", "--password-stdin", stdin=STRONG + "\n")
        assert groups_of("bob") == [REVIEWER_GROUP]
        assert STRONG not in output and "password:" not in output
        assert sign_in("bob", STRONG)[1].status_code == 302

    def test_a_weak_password_from_stdin_is_refused_and_nothing_is_created(self):
        with self.assertRaisesRegex(CommandError, "password was not accepted.*too short"):
            add_content_user("carol", "--role", "editor", "--password-stdin", stdin="short1\n")
        assert not User.objects.filter(username="carol").exists()

    def test_changing_the_role_moves_the_group_and_keeps_the_password(self):
        password = printed_password(add_content_user("dana", "--role", "editor"))
        output = add_content_user("dana", "--role", "reviewer")
        assert "role changed from editor to reviewer" in output
        assert groups_of("dana") == [REVIEWER_GROUP]
        assert User.objects.get(username="dana").check_password(password)

    def test_other_groups_are_left_alone_when_the_role_changes(self):
        User.objects.create_user("erin").groups.add(Group.objects.create(name="Newsletter"))
        add_content_user("erin", "--role", "reviewer", "--password-stdin", stdin=STRONG)
        erin = User.objects.get(username="erin")
        assert groups_of("erin") == sorted(["Newsletter", REVIEWER_GROUP])
        assert erin.is_staff and erin.check_password(STRONG)

    def test_an_existing_superuser_is_refused_and_left_as_it_was(self):
        User.objects.create_superuser("root", password=STRONG)
        with self.assertRaisesRegex(CommandError, "superusers cannot be content staff"):
            add_content_user("root", "--role", "reviewer")
        assert groups_of("root") == []
        assert User.objects.get(username="root").is_superuser

    def test_an_unknown_role_is_refused(self):
        with self.assertRaisesRegex(CommandError, "invalid choice: 'admin'"):
            add_content_user("frank", "--role", "admin")
        assert not User.objects.filter(username="frank").exists()

    def test_a_name_the_user_model_refuses_is_refused(self):
        with self.assertRaisesRegex(CommandError, "not a valid user name"):
            add_content_user("gina smith", "--role", "editor")
        assert not User.objects.filter(username="gina smith").exists()


class SuperuserCheckTests(TestCase):
    def deploy_check_ids(self):
        return [message.id for message in run_checks(include_deployment_checks=True)]

    def test_check_deploy_warns_while_a_superuser_exists(self):
        User.objects.create_superuser("root", password=STRONG)
        assert "decisionaid.W002" in self.deploy_check_ids()
        assert "decisionaid.W002" not in [message.id for message in run_checks()]  # a deployment check only

    def test_check_deploy_is_silent_with_only_content_staff(self):
        add_content_user("alice", "--role", "editor")
        assert not {"decisionaid.W002", "decisionaid.I002"} & set(self.deploy_check_ids())

    def test_an_unreadable_user_table_gives_information_not_a_warning(self):
        User.objects.create_superuser("root", password=STRONG)
        with mock.patch.object(User._meta, "db_table", "no_such_table"):
            messages = check_no_superusers()
        assert [(message.id, message.is_serious()) for message in messages] == [("decisionaid.I002", False)]
        assert "Could not check" in messages[0].msg


class EnsureLocalAdminTests(TestCase):
    @override_settings(DEBUG=True)
    def test_it_creates_an_editor_and_two_reviewers_once_and_prints_each_password_once(self):
        first, second = StringIO(), StringIO()
        call_command("ensure_local_admin", stdout=first)
        call_command("ensure_local_admin", stdout=second)
        assert groups_of("editor") == [EDITOR_GROUP]
        assert groups_of("reviewer") == groups_of("reviewer2") == [REVIEWER_GROUP]
        assert not User.objects.filter(is_superuser=True).exists()
        passwords = [block.split()[0] for block in first.getvalue().split("password:")[1:]]
        assert len(passwords) == 3
        for name, password in zip(["editor", "reviewer", "reviewer2"], passwords, strict=True):
            assert sign_in(name, password)[1].status_code == 302
            assert password not in second.getvalue()
        assert "editor, reviewer, reviewer2 already exist" in second.getvalue()

    @override_settings(DEBUG=False)
    def test_it_refuses_when_debug_is_off(self):
        with self.assertRaisesMessage(CommandError, "create real accounts with add_content_user"):
            call_command("ensure_local_admin", stdout=StringIO())
        assert not User.objects.exists()
