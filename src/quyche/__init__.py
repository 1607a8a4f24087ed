"""quyche — soạn, kiểm tra và cập nhật quy chế làm việc của tổ chức đảng."""

__version__ = "0.1.0"
