"""API: the signed-in user and its API tokens."""

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status

from quyche.web import permissions
from quyche.web.accounts.models import ApiToken
from quyche.web.accounts.services import create_token, revoke_token
from quyche.web.api_support import READ_ERRORS, WRITE_ERRORS, ErrorOut, OrgRef, org_ref, user_of, visible_or_404

router = Router()


class MeOut(Schema):
    id: int
    username: str = Field(description="Tên đăng nhập")
    full_name: str = Field(description="Họ và tên")
    role: str = Field(description="Vai trò: administrator | inspector | staff")
    organization: OrgRef | None = Field(description="Tổ chức đảng của người dùng (trống với quản trị viên)")
    can_edit_references: bool = Field(description="Được sửa danh mục văn bản cấp trên")


class TokenOut(Schema):
    id: int
    name: str = Field(description="Tên khóa")
    prefix: str = Field(description="Đầu khóa, để nhận biết")
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    expires_at: dt.datetime | None = Field(description="Hết hạn (trống: không hết hạn)")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100, description="Tên khóa, ví dụ “máy chủ báo cáo”")
    expires_at: dt.datetime | None = Field(None, description="Thời điểm hết hạn (trống: không hết hạn)")


class NewTokenOut(TokenOut):
    token: str = Field(description="Khóa truy cập: chỉ hiện một lần, hãy lưu lại ngay")


def _token_out(token: ApiToken) -> dict[str, object]:
    return {"id": token.pk, "name": token.name, "prefix": token.prefix, "created_at": token.created_at,
            "last_used_at": token.last_used_at, "expires_at": token.expires_at}


@router.get("", response={200: MeOut, 401: ErrorOut}, summary="Người dùng hiện tại")
def me(request: HttpRequest) -> dict[str, object]:
    user = user_of(request)
    return {"id": user.pk, "username": user.get_username(), "full_name": user.full_name,
            "role": permissions.role_label(user), "organization": org_ref(user.organization),
            "can_edit_references": permissions.can_edit_references(user)}


@router.get("/tokens", response={200: list[TokenOut], 401: ErrorOut}, summary="Các khóa truy cập của tôi")
def list_tokens(request: HttpRequest) -> list[dict[str, object]]:
    return [_token_out(t) for t in ApiToken.objects.filter(user=user_of(request))]


@router.post("/tokens", response={201: NewTokenOut, **WRITE_ERRORS}, summary="Tạo khóa truy cập",
             description="Chỉ tạo được từ phiên đăng nhập trên trình duyệt (không dùng khóa để tạo khóa). "
                         "Khóa chỉ hiện một lần trong câu trả lời.")
def new_token(request: HttpRequest, payload: TokenIn) -> Status[dict[str, object]]:
    user = user_of(request)
    permissions.require(request.headers.get("Authorization") is None,
                        "Chỉ tạo khóa truy cập mới từ phiên đăng nhập, không từ một khóa khác.")
    if payload.expires_at is not None and payload.expires_at <= timezone.now():
        raise HttpError(422, "Thời điểm hết hạn phải ở tương lai.")
    token, raw = create_token(user, payload.name, expires_at=payload.expires_at)
    return Status(201, {**_token_out(token), "token": raw})


@router.delete("/tokens/{int:token_id}", response={204: None, **READ_ERRORS}, summary="Thu hồi khóa truy cập")
def delete_token(request: HttpRequest, token_id: int) -> Status[None]:
    user = user_of(request)
    token = visible_or_404(ApiToken.objects.filter(user=user), pk=token_id)
    revoke_token(token, user)
    return Status(204, None)
