"""Who does what with guidance. The groups come from accounts/roles.py, plus one group
this app adds (migration 0002): guidance editors with sign-off rights."""

from accounts import roles

SIGN_OFF_GROUP = "Guidance sign-off"
WORKFLOW_NAME = "Guidance review and sign-off"
REVIEW_TASK_NAME = "Specialist review"
SIGN_OFF_TASK_NAME = "Sign-off by a guidance editor"
EDITOR_GROUPS = [roles.GUIDANCE_EDITORS, roles.SPECIALIST_REVIEWERS, SIGN_OFF_GROUP]
