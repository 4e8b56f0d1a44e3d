"""A throw-away Virtuoso 7 server for tests: its own database folder, its
own virtuoso.ini, loopback ports, started in the foreground and stopped after.

Virtuoso comes from the Debian package ``virtuoso-opensource`` (``virtuoso-t``
and ``isql-vt``); .ci/run installs it. Where it is missing the tests skip,
except on CI (CI=true), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

__all__ = ["VirtuosoServer", "virtuoso_binaries"]

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
DisableUnixSocket        = 1
MaxClientConnections     = 4
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., {data}
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000
ThreadsPerQuery          = 1
MaxQueryMem              = 256M

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {db}
MaxClientConnections        = 2
ServerThreads               = 2
Charset                     = UTF-8
EnabledGzipContent          = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 60
DefaultQuery               = SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1
"""


def virtuoso_binaries() -> tuple[str, str]:
    """Return the paths of ``virtuoso-t`` and ``isql-vt``, or skip (fail on CI)."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        message = "Virtuoso 7 is not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + "; .ci/run must install it")
        pytest.skip(message)
    return server, isql


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class VirtuosoServer:
    """Start Virtuoso in ``folder`` (with ``data`` readable by the bulk loader); use as a context manager."""

    def __init__(self, folder: Path, data: Path):
        self.server, self.isql_bin = virtuoso_binaries()
        self.folder, self.data = Path(folder), Path(data)
        self.sql_port, self.http_port = _free_port(), _free_port()
        self.process = None

    def __enter__(self):
        db = self.folder / "db"
        db.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(db=db, data=self.data, sql_port=self.sql_port, http_port=self.http_port))
        self.log = open(self.folder / "server.out", "wb")
        self.process = subprocess.Popen([self.server, "-f", "-c", str(ini)], cwd=db,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited: {(self.folder / 'server.out').read_text()[-2000:]}")
            try:
                self.sparql("ASK { ?s ?p ?o }")
                return self
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("Virtuoso did not start within 120 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            try:
                self.isql("shutdown();", timeout=60)
            except (subprocess.SubprocessError, RuntimeError):
                pass
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def isql(self, sql: str, timeout: float = 300) -> str:
        """Run SQL statements through isql (user dba, the default password of a new database)."""
        done = subprocess.run([self.isql_bin, f"127.0.0.1:{self.sql_port}", "dba", "dba", "VERBOSE=OFF",
                               "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF", f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or "*** Error" in done.stdout:
            raise RuntimeError(f"isql failed: {done.stdout[-2000:]} {done.stderr[-2000:]}")
        return done.stdout

    def bulk_load(self, pattern: str = "*.nq") -> None:
        """Load the files of ``data`` matching ``pattern`` with ld_dir + rdf_loader_run, then checkpoint.

        Raises
        ------
        RuntimeError
            If a file failed to load (from ``DB.DBA.load_list.ll_error``).
        """
        self.isql(f"ld_dir('{self.data}', '{pattern}', 'urn:geopolkg:default'); rdf_loader_run(); checkpoint;")
        errors = self.isql("SELECT ll_file || ': ' || ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if str(self.data) in errors:
            raise RuntimeError(f"bulk load errors: {errors.strip()}")

    def sparql(self, query: str) -> list[dict]:
        """Run a SELECT or ASK through the HTTP SPARQL endpoint; return the JSON bindings (or [bool])."""
        params = urllib.parse.urlencode({"query": query, "format": "application/sparql-results+json"})
        url = f"http://127.0.0.1:{self.http_port}/sparql"
        request = urllib.request.Request(url, data=params.encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            body = json.loads(response.read().decode("utf-8"))
        if "boolean" in body:
            return [body["boolean"]]
        return body["results"]["bindings"]
