"""The roster upload: a zip of handouts with the batch's manifest, progress as rows finish, nothing on disk."""

from __future__ import annotations

import io
import json
import re
import zipfile

from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES
from tests.web.conftest import csrf_token

ROSTER = (EXAMPLES / "roster.csv").read_bytes()


def upload(client: TestClient, data: bytes, name: str = "roster.csv", **fields: str | list[str]) -> str:
    response = client.post(
        "/roster", data={"csrf": csrf_token(client), **fields}, files={"roster": (name, data, "text/csv")}
    )
    assert response.status_code == 200, response.text
    return response.text


def test_the_upload_shows_each_row_then_gives_the_zip_once(client: TestClient) -> None:
    page = upload(client, ROSTER, formats=["pdf", "json"])
    rows = ROSTER.decode().strip().count("\n")
    assert page.count("<progress") == rows + 1 and f'value="{rows}" max="{rows}"' in page
    assert "Row 1 (P-0101, Zoë Ångström): Exercise plan, with advice to see a clinician soon" in page
    assert re.search(r'class="row urgent">Row \d+ [^<]*Emergency: go to hospital now', page)
    assert "PROGRAMME" not in page.split("<main", 1)[1]  # words, not the manifest's codes
    link = re.search(r'href="(/roster/result/[A-Za-z0-9_-]+)"', page)
    assert link
    archive = zipfile.ZipFile(io.BytesIO(client.get(link.group(1)).content))
    names = archive.namelist()
    assert "manifest.json" in names and "manifest.csv" in names
    manifest = json.loads(archive.read("manifest.json"))
    assert len(manifest["rows"]) == rows
    for row in manifest["rows"]:
        assert set(row["outputs"]) <= set(names)
        assert all(not n.startswith(("/", ".")) and "/" not in n for n in row["outputs"])
    assert "P-0101_Zoë_Ångström.pdf" in names and "P-0101_Zoë_Ångström.json" in names
    assert client.get(link.group(1)).status_code == 404  # taken: forgotten


def test_a_bad_roster_is_refused_before_any_work(client: TestClient) -> None:
    token = csrf_token(client)
    for name, data, words in [
        ("roster.csv", b"name,shoe_size\nAnn,5\n", "unknown column"),
        ("roster.txt", ROSTER, "a roster is a .csv file"),
        ("roster.csv", b"", "empty"),
    ]:
        response = client.post("/roster", data={"csrf": token}, files={"roster": (name, data, "text/csv")})
        assert response.status_code == 422 and words in response.text, name
    assert client.post("/roster", data={"csrf": token}).status_code == 422
    assert client.post("/roster", files={"roster": ("r.csv", ROSTER, "text/csv")}).status_code == 403


def test_the_api_takes_a_roster_and_gives_the_zip(client: TestClient) -> None:
    response = client.post("/api/roster?format=md&format=ics", content=ROSTER)
    assert response.status_code == 200 and response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["formats"] == ["md", "ics"]
    statuses = {row["status"] for row in manifest["rows"]}
    assert "EMERGENCY_REFERRAL" in statuses
    yaml_roster = b"- {age: 30, weekly_running_km: 10, pain_nprs: 2, symptom_duration_weeks: 2}\n- {age: 3}\n"
    yaml_zip = zipfile.ZipFile(io.BytesIO(client.post("/api/roster?kind=yaml", content=yaml_roster).content))
    rows = json.loads(yaml_zip.read("manifest.json"))["rows"]
    assert [r["status"] for r in rows] == ["PROGRAMME", "INPUT_ERROR"] and rows[1]["outputs"] == []


def test_too_many_rows_are_refused(client: TestClient) -> None:
    header, first = ROSTER.decode().splitlines()[:2]
    big = "\n".join([header] + [first] * 501).encode()
    response = client.post("/api/roster", content=big)
    assert response.status_code == 422 and "more than 500 rows" in response.text
