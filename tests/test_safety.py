"""Every XML parse refuses external and parameter entities, bombs and the network (XXE, billion
laughs, external DTDs); an internal subset's own entities are expanded within hard limits."""
from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest

from teikit.errors import XMLInputError
from teikit.tei import parse_xml_bytes, parse_xml_file
from teikit.validate import ValidateOptions, validate

SECRET = "TOP-SECRET-MARKER-0451"
TEI_OPEN = '<TEI xmlns="http://www.tei-c.org/ns/1.0">'
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE TEI [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol9;</TEI>
"""


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def xxe(target: str, padding: int = 0) -> bytes:
    pad = f"<!--{'x' * padding}-->\n" if padding else ""
    return (f'<?xml version="1.0"?>\n{pad}<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{target}">]>\n'
            f"{TEI_OPEN}<p>&xxe;</p></TEI>\n").encode()


def run_cli(*args, timeout=60):
    """teikit in a fresh process; the timeout only guards against a hang."""
    return subprocess.run([sys.executable, "-m", "teikit", *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "/etc/passwd"])
def test_xxe_is_refused(target):
    with pytest.raises(XMLInputError, match="external entities are not accepted"):
        parse_xml_bytes(xxe(target), "xxe.xml")


def test_xxe_content_never_reaches_any_output(tmp_path, secret_file):
    doc = tmp_path / "xxe.xml"
    doc.write_bytes(xxe(secret_file.as_uri()))
    proc = run_cli("validate", "--schema", "teikit", str(doc))
    assert proc.returncode == 2
    assert SECRET not in proc.stdout + proc.stderr
    assert proc.stderr.strip() == f"teikit: {doc}: external entities are not accepted (unsafe XML)"


def test_doctype_hidden_beyond_the_byte_scan_is_still_refused(secret_file):
    """A 100 KB comment pushes the DOCTYPE past the fast byte scan; the parsed DTD is checked."""
    data = xxe(secret_file.as_uri(), padding=100_000)
    with pytest.raises(XMLInputError, match="unsafe XML") as info:
        parse_xml_bytes(data, "late.xml")
    assert SECRET not in str(info.value)


def test_parameter_entities_are_refused(secret_file):
    data = (f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{secret_file.as_uri()}"> %p;]>{TEI_OPEN}</TEI>').encode()
    with pytest.raises(XMLInputError, match="unsafe XML"):
        parse_xml_bytes(data, "pe.xml")


def test_billion_laughs_is_refused_quickly(tmp_path):
    doc = tmp_path / "laughs.xml"
    doc.write_text(BILLION_LAUGHS)
    proc = run_cli("validate", str(doc))
    assert proc.returncode == 2
    assert "entity expansion beyond the limit (unsafe XML)" in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_billion_laughs_beyond_the_byte_scan_is_not_expanded():
    data = ("<!--" + "x" * 100_000 + "-->\n" + BILLION_LAUGHS.split("\n", 1)[1]).encode()
    with pytest.raises(XMLInputError, match="unsafe XML"):
        parse_xml_bytes(data, "late-laughs.xml")


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 (http.server API)
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "network">')

    def log_message(self, *args):
        pass


@pytest.fixture
def counting_server():
    server = http.server.HTTPServer(("127.0.0.1", 0), _CountingHandler)
    _CountingHandler.hits = 0
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("padding", [0, 100_000])
def test_external_dtd_is_never_loaded(counting_server, padding):
    """Jing reads such a file, so teikit does too, without loading (or fetching) the DTD."""
    pad = f"<!--{'x' * padding}-->\n" if padding else ""
    data = f'{pad}<!DOCTYPE TEI SYSTEM "{counting_server}/tei.dtd">{TEI_OPEN}<p>x</p></TEI>'.encode()
    tree = parse_xml_bytes(data, "dtd.xml")
    assert tree.getroot().xpath("string()") == "x"
    assert _CountingHandler.hits == 0


def test_internal_entities_are_expanded():
    data = ('<!DOCTYPE TEI [<!ENTITY ed "Edition &amp; co"><!ENTITY both "&ed;, &ed;">]>'
            f'{TEI_OPEN}<p n="&ed;">&both;&#x21;</p></TEI>').encode()
    p = parse_xml_bytes(data, "ents.xml").getroot()[0]
    assert p.text == "Edition & co, Edition & co!" and p.get("n") == "Edition & co"


def test_internal_entities_without_a_declaration_stay_an_error():
    with pytest.raises(XMLInputError, match="not well-formed XML"):
        parse_xml_bytes(f"<!DOCTYPE TEI [<!ENTITY a 'x'>]>{TEI_OPEN}&b;</TEI>".encode(), "undeclared.xml")


@pytest.mark.parametrize("decls, body", [
    ('<!ENTITY a "&b;"><!ENTITY b "&a;">', "&a;"),                      # a loop
    (f'<!ENTITY big "{"x" * 200_000}">', "&big;" * 100),               # 20 M characters
    ("".join(f'<!ENTITY e{i} "&e{i + 1};&e{i + 1};">' for i in range(24)) + '<!ENTITY e24 "x">', "&e0;"),  # 16 M
])
def test_entity_bombs_of_every_shape_are_refused(decls, body):
    data = f"<!DOCTYPE TEI [{decls}]>{TEI_OPEN}<p>{body}</p></TEI>".encode()
    with pytest.raises(XMLInputError, match="unsafe XML"):
        parse_xml_bytes(data, "bomb.xml")


def test_xinclude_is_never_processed(tmp_path, secret_file):
    doc = tmp_path / "xi.xml"
    doc.write_text(f'{TEI_OPEN}<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                   f'href="{secret_file}" parse="text"/></TEI>')
    tree = parse_xml_file(doc)
    assert SECRET not in tree.getroot().xpath("string()")
    result = validate(str(doc), ValidateOptions(schema="teikit"))
    assert not result.valid and all(SECRET not in d.message for d in result.diagnostics)


@pytest.mark.parametrize("content, message", [
    (b"", "empty file, expected XML"),
    (b"   \n", "empty file, expected XML"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, expected XML"),
    (b"Just some words.\n", "not well-formed XML"),
    (b"<TEI><p></TEI>", "not well-formed XML"),
])
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, content, message):
    doc = tmp_path / "bad.xml"
    doc.write_bytes(content)
    proc = run_cli("validate", "--schema", "teikit", str(doc))
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and message in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("path_kind", ["missing", "directory"])
def test_missing_file_or_directory_is_exit_2(tmp_path, path_kind):
    path = tmp_path / "nope.xml" if path_kind == "missing" else tmp_path
    proc = run_cli("validate", "--schema", "teikit", str(path))
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
