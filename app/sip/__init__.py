"""SIP for the console: a sans-IO core (message, uri, digest, builder, transaction), thin transports,
a blocking client, and the operations built on them (registration state, NOTIFY, monitor).

No Qt here. Everything blocking belongs in a worker thread owned by the caller.
"""

from app.sip.client import ExchangeResult, Outgoing, SipClient
from app.sip.digest import SipCredentials
from app.sip.errors import (
    AuthenticationFailed,
    PeerUnreachable,
    SipError,
    SipParseError,
    SipTransactionError,
    SipTransportError,
    SipUsageError,
    UnexpectedResponse,
)
from app.sip.kamailio_rpc import KamailioRpc, KamailioRpcError
from app.sip.monitor import EndpointStateChanged, MonitorTarget, SipMonitor
from app.sip.notify import NotifyResult, send_notify
from app.sip.registration import (
    BindingState,
    LineAccount,
    RegisteredContact,
    RegistrarAccess,
    probe_contacts,
    query_bindings,
    registration_state,
)
from app.sip.transaction import TimerSettings
from app.sip.uri import NameAddress, SipUri
from app.sip.useragent import identify_device_type, user_agent_matches

__all__ = [
    "AuthenticationFailed",
    "BindingState",
    "EndpointStateChanged",
    "ExchangeResult",
    "KamailioRpc",
    "KamailioRpcError",
    "LineAccount",
    "MonitorTarget",
    "NameAddress",
    "NotifyResult",
    "Outgoing",
    "PeerUnreachable",
    "RegisteredContact",
    "RegistrarAccess",
    "SipClient",
    "SipCredentials",
    "SipError",
    "SipMonitor",
    "SipParseError",
    "SipTransactionError",
    "SipTransportError",
    "SipUri",
    "SipUsageError",
    "TimerSettings",
    "UnexpectedResponse",
    "identify_device_type",
    "probe_contacts",
    "query_bindings",
    "registration_state",
    "send_notify",
    "user_agent_matches",
]
