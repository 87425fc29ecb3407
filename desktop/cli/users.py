"""``user add``: counter users with a role."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop.cli import context
from desktop.domain.enums import Role
from desktop.errors import InvalidInput
from desktop.services import auth


def register(sub: Any) -> None:
    user = sub.add_parser("user", help="usuários do balcão e da retaguarda")
    user_sub = user.add_subparsers(dest="user_command", metavar="AÇÃO", required=True)
    add = user_sub.add_parser("add", help="cadastra um usuário")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--name", default="")
    add.add_argument("--password-stdin", action="store_true", help="lê a senha da entrada padrão")
    add.set_defaults(func=cmd_add)


def cmd_add(args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Senha: ")
        if password != getpass.getpass("Repita a senha: "):
            raise InvalidInput("users.senhas_nao_conferem")
    db = context.database(args)
    from sqlalchemy import func, select

    from desktop.models import CounterUser

    with db.session() as session:
        first = not session.scalar(select(func.count()).select_from(CounterUser))
    actor = None if first else context.operator(args, db)
    info = auth.add_user(db, actor, args.login, args.name, Role(args.role), password)
    print(f"Usuário {info.login} ({info.role.value}) cadastrado.")
    return 0
