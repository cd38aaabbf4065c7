import pytest

from app import validation as v


@pytest.mark.parametrize("text", ["00041345C9BF", "00:04:13:45:c9:bf", "00-04-13-45-C9-BF", "0004.1345.c9bf",
                                  " 00041345c9bf "])
def test_mac_accepts_usual_forms_and_stores_one_normal_form(text):
    assert v.normalize_mac(text) == "00041345c9bf"


@pytest.mark.parametrize("text, words", [
    ("00041345C9B", "11 hex digits"),
    ("00041345C9BF0", "13 hex digits"),
    ("00041345C9BG", "'G', which is not a hex digit"),
    ("00:04:13-45:C9:BF", "mixes separators"),
    ("0004:1345:C9BF", "mixes separators"),
    ("000000000000", "not a device's MAC"),
    ("01005E000001", "multicast"),
])
def test_mac_rejects_with_a_message_that_says_what_is_wrong(text, words):
    with pytest.raises(v.ValidationError) as err:
        v.normalize_mac(text)
    assert err.value.field == "MAC"
    assert words in err.value.message


def test_empty_mac_means_none():
    assert v.normalize_mac("  ") is None


@pytest.mark.parametrize("text", ["1234", "123456789", "0000"])
def test_device_password_accepts_4_to_9_digits(text):
    assert v.device_password(text, "pw") == text


def test_empty_device_password_means_generate():
    assert v.device_password("", "pw") is None


@pytest.mark.parametrize("text, words", [("123", "3 digits"), ("1234567890", "10 digits"), ("12a4", "digits only"),
                                         ("１２３４", "digits only")])
def test_device_password_rejects(text, words):
    with pytest.raises(v.ValidationError) as err:
        v.device_password(text, "Password for 'admin'")
    assert words in err.value.message
    assert "random 40-digit" in err.value.message


@pytest.mark.parametrize("good", ["100", "+4930123456", "030 1234"])
def test_phone_number_good(good):
    assert v.phone_number(good).replace("+", "").isdigit()


@pytest.mark.parametrize("bad", ["1", "12a", "", "++49"])
def test_phone_number_bad(bad):
    with pytest.raises(v.ValidationError):
        v.phone_number(bad)


def test_hosts_ports_transport_zone_language():
    assert v.host("SIP.Example.NET", "h") == "sip.example.net"
    assert v.host("192.0.2.1", "h") == "192.0.2.1"
    assert v.host_port("proxy.example.net:5061", "p") == "proxy.example.net:5061"
    for bad in ("", "under_score.example", "-a.example"):
        with pytest.raises(v.ValidationError):
            v.host(bad, "h")
    with pytest.raises(v.ValidationError, match="1 to 65535"):
        v.port_number(70000)
    with pytest.raises(v.ValidationError, match="udp, tcp, tls"):
        v.transport("sctp")
    assert v.time_zone("Europe/Berlin") == "Europe/Berlin"
    with pytest.raises(v.ValidationError, match="IANA"):
        v.time_zone("Mars/Olympus")
    with pytest.raises(v.ValidationError):
        v.language("xx")


def test_topstop_amounts():
    assert str(v.topstop("49.90")) == "49.90"
    assert v.topstop("") is None
    for bad in ("-1", "abc", "1.001"):
        with pytest.raises(v.ValidationError):
            v.topstop(bad)


def test_display_name_allows_umlauts_and_markup_characters_but_not_control_characters():
    assert v.display_name('Jürgen <&"\'> Weiß') == 'Jürgen <&"\'> Weiß'
    with pytest.raises(v.ValidationError, match="control"):
        v.display_name("a\nb")


def test_dial_values():
    assert v.dial_value("*21#") == "*21#"
    with pytest.raises(v.ValidationError, match="cannot be dialled"):
        v.dial_value("12ab")


def test_https_url_for_the_webrtc_login_page():
    from app.validation import ValidationError, https_url

    assert https_url(" https://pbx.example.net:8449/webphone.jsp ", "WebRTC login URL") == \
        "https://pbx.example.net:8449/webphone.jsp"
    assert https_url("", "WebRTC login URL") == ""
    for bad in ("http://pbx.example.net/", "wss://pbx.example.net/ws", "https://", "pbx.example.net"):
        with pytest.raises(ValidationError) as error:
            https_url(bad, "WebRTC login URL")
        assert error.value.field == "WebRTC login URL" and "https://" in error.value.message
