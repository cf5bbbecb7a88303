#!/usr/bin/env python3
"""Derives the production realm from the committed demo realm (deploy/keycloak/minyi-realm.json):
the same roles, token mappers and browser clients, without the demo accounts, the demo departments'
system clients and the password-grant test client. Writes
  deploy/keycloak/minyi-realm-production.json   (docker-compose imports it)
  deploy/k8s/base/keycloak-realm-import.yaml    (the Keycloak Operator's KeycloakRealmImport)
Run after changing the demo realm; `--check` (CI) fails when either file is out of date."""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
demo = json.loads((root / "deploy/keycloak/minyi-realm.json").read_text(encoding="utf-8"))

KEEP_CLIENTS = {"minyi-gateway", "minyi-web", "minyi-audit", "minyi-people", "minyi-notify"}
realm = dict(demo)
realm["clients"] = [c for c in demo["clients"] if c["clientId"] in KEEP_CLIENTS]
realm["users"] = [u for u in demo["users"] if u["username"] in ("service-account-minyi-audit",
                                                                  "service-account-minyi-people",
                                                                  "service-account-minyi-notify")]
realm["sslRequired"] = "external"
# set-password and reset mails go through the operator's SMTP relay, signed in and over STARTTLS
realm["smtpServer"] = dict(demo["smtpServer"], host="${MINYI_SMTP_HOST}", port="${MINYI_SMTP_PORT:587}",
                           starttls="true", auth="true", user="${MINYI_SMTP_USER}", password="${MINYI_SMTP_PASSWORD}",
                           **{"from": "${MINYI_MAIL_FROM}"})

# 等保 2.0 身份鉴别: the office, leaders and the three administrators sign in with a second factor (TOTP):
# after the password, a conditional subflow per role asks for the one-time code (set up at first sign-in)
OTP_ROLES = ["editor", "leader", "admin", "security-admin", "auditor"]


def execution(priority, requirement, authenticator=None, flow=None, config=None):
    e = {"requirement": requirement, "priority": priority, "authenticatorFlow": flow is not None,
         "autheticatorFlow": flow is not None, "userSetupAllowed": False}
    if authenticator:
        e["authenticator"] = authenticator
    if flow:
        e["flowAlias"] = flow
    if config:
        e["authenticatorConfig"] = config
    return e


def flow(alias, description, executions, top=False):
    return {"alias": alias, "description": description, "providerId": "basic-flow", "topLevel": top,
            "builtIn": False, "authenticationExecutions": executions}


realm["authenticationFlows"] = [
    flow("minyi browser", "Password, then a one-time code for the office, leaders and administrators", [
        execution(10, "ALTERNATIVE", authenticator="auth-cookie"),
        execution(20, "ALTERNATIVE", flow="minyi browser forms")], top=True),
    flow("minyi browser forms", "Username and password, then the second factor where the role needs it",
         [execution(10, "REQUIRED", authenticator="auth-username-password-form")]
         + [execution(20 + i, "CONDITIONAL", flow=f"minyi otp {role}") for i, role in enumerate(OTP_ROLES)]),
] + [flow(f"minyi otp {role}", f"One-time code for {role}", [
    execution(10, "REQUIRED", authenticator="conditional-user-role", config=f"minyi role {role}"),
    execution(20, "REQUIRED", authenticator="auth-otp-form")]) for role in OTP_ROLES]
realm["authenticatorConfig"] = [{"alias": f"minyi role {role}", "config": {"condUserRole": role, "negate": "false"}}
                                for role in OTP_ROLES]
realm["browserFlow"] = "minyi browser"
realm["otpPolicyType"] = "totp"
realm["otpPolicyAlgorithm"] = "HmacSHA1"
realm["otpPolicyDigits"] = 6
realm["otpPolicyPeriod"] = 30
production = json.dumps(realm, ensure_ascii=False, indent=2) + "\n"

# the operator turns each placeholder into an environment variable of the import job, from a Secret
realm_import = {
    "apiVersion": "k8s.keycloak.org/v2beta1",
    "kind": "KeycloakRealmImport",
    "metadata": {"name": "minyi-realm"},
    "spec": {
        "keycloakCRName": "minyi-keycloak",
        "placeholders": {
            "MINYI_GATEWAY_URL": {"secret": {"name": "minyi-realm-settings", "key": "public-url"}},
            "MINYI_GATEWAY_ALT_URL": {"secret": {"name": "minyi-realm-settings", "key": "public-url"}},
            "MINYI_GATEWAY_CLIENT_SECRET": {"secret": {"name": "minyi-gateway-client", "key": "secret"}},
            "MINYI_AUDIT_CLIENT_SECRET": {"secret": {"name": "minyi-audit-client", "key": "secret"}},
            "MINYI_PEOPLE_CLIENT_SECRET": {"secret": {"name": "minyi-people-client", "key": "secret"}},
            "MINYI_NOTIFY_CLIENT_SECRET": {"secret": {"name": "minyi-notify-client", "key": "secret"}},
            "MINYI_SMTP_HOST": {"secret": {"name": "minyi-smtp", "key": "host"}},
            "MINYI_SMTP_PORT": {"secret": {"name": "minyi-smtp", "key": "port"}},
            "MINYI_SMTP_USER": {"secret": {"name": "minyi-smtp", "key": "user"}},
            "MINYI_SMTP_PASSWORD": {"secret": {"name": "minyi-smtp", "key": "password"}},
            "MINYI_MAIL_FROM": {"secret": {"name": "minyi-smtp", "key": "from"}},
        },
        "realm": realm,
    },
}
k8s = ("# Generated by deploy/keycloak/production-realm.py from deploy/keycloak/minyi-realm.json: do not edit.\n"
       + json.dumps(realm_import, ensure_ascii=False, indent=2) + "\n")

outputs = {root / "deploy/keycloak/minyi-realm-production.json": production,
           root / "deploy/k8s/base/keycloak-realm-import.yaml": k8s}
if "--check" in sys.argv:
    stale = [str(p.relative_to(root)) for p, text in outputs.items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    if stale:
        sys.exit("out of date (run deploy/keycloak/production-realm.py): " + ", ".join(stale))
    print("production realm files are up to date")
else:
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
        print("wrote", p.relative_to(root))
