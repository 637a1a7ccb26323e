"""The sentences of app.net (the program's HTTP limits, proxies, CA bundles) for a person:
coded messages (app.messages), their French in resources/locale/."""

from __future__ import annotations

from app.messages import message

NOT_POSITIVE = message("net.env.not_positive", "{name} must be a positive number; it is {value}.")
NOT_POSITIVE_STEP = message(
    "net.env.not_positive.step", "Fix {name} or unset it (the default is {default})."
)
DEADLINE = message(
    "net.deadline",
    "{host} did not send its whole answer within {seconds} s (the deadline of one request).",
)
DEADLINE_STEP = message(
    "net.deadline.step",
    "Check the network and the proxy settings (HTTPS_PROXY), then try again; "
    "a slow link may need a longer deadline ({variable}).",
)
PROXY = message(
    "net.proxy", "Could not reach the proxy {address} set by {variable} (on the way to {host})."
)
PROXY_STEP = message(
    "net.proxy.step",
    "Check that the proxy runs and that {variable} names it (or unset it, or "
    "add the host to NO_PROXY), then try again.",
)
TOO_LARGE = message(
    "net.too_large", "{host} sent an answer larger than {size} bytes; it was stopped there."
)
TOO_LARGE_STEP = message(
    "net.too_large.step",
    "Check the address (a proxy or a wrong server may stand in the way); a larger "
    "answer needs a larger cap ({variable}).",
)
NO_CA_BUNDLE = message(
    "net.ca_bundle.missing", "The CA bundle named by {name} ({path}) does not exist."
)
NO_CA_BUNDLE_STEP = message(
    "net.ca_bundle.missing.step", "Fix {name} to point at a PEM file, or unset it."
)
UNREADABLE_ADDRESS = message("net.proxy.unreadable", "(unreadable address)")
