/* IKEv2 session resumption (RFC 5723): counters and whack --resumestatus, for libreswan
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the
 * Free Software Foundation; either version 2 of the License, or (at your
 * option) any later version.  See <https://www.gnu.org/licenses/gpl2.txt>.
 *
 * This program is distributed in the hope that it will be useful, but
 * WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY
 * or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU General Public License
 * for more details.
 */

#include "defs.h"
#include "log.h"
#include "show.h"
#include "enum_names.h"
#include "ikev2_resume_status.h"
#include "ikev2_resume_gateway.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_replay.h"
#include "ikev2_resume_revocation.h"
#ifdef USE_RESUME_STORE
#include "ikev2_resume_store.h"	/* the cluster's shared store */
#endif

/*
 * The client's side (RFC 5723 is about gateways, but an operator of a
 * branch gateway or a road warrior wants to know whether its
 * reconnects resume): resumptions tried, completed, and each way
 * one fell back to a full handshake.
 */
enum resume_fallback {
	RESUME_FALLBACK_TICKET_NACK,
	RESUME_FALLBACK_NO_PROPOSAL_CHOSEN,
	RESUME_FALLBACK_INVALID_SYNTAX,
	RESUME_FALLBACK_REDIRECT,	/* to another gateway, with IKE_SA_INIT */
	RESUME_FALLBACK_OTHER_REFUSAL,
	RESUME_FALLBACK_AUTH_REFUSED,	/* AUTHENTICATION_FAILED inside IKE_AUTH */
	RESUME_FALLBACK_TIMEOUT,	/* no answer to the request */
	RESUME_FALLBACK_EXPIRED,	/* dropped unused, at initiate time */
#define RESUME_FALLBACK_ROOF (RESUME_FALLBACK_EXPIRED + 1)
};

static const char *const resume_fallback_name[] = {
	[RESUME_FALLBACK_TICKET_NACK] = "ticket-nack",
	[RESUME_FALLBACK_NO_PROPOSAL_CHOSEN] = "no-proposal-chosen",
	[RESUME_FALLBACK_INVALID_SYNTAX] = "invalid-syntax",
	[RESUME_FALLBACK_REDIRECT] = "redirect",
	[RESUME_FALLBACK_OTHER_REFUSAL] = "other-refusal",
	[RESUME_FALLBACK_AUTH_REFUSED] = "auth-refused",
	[RESUME_FALLBACK_TIMEOUT] = "timeout",
	[RESUME_FALLBACK_EXPIRED] = "expired",
};

static const struct enum_names resume_fallback_names = {
	RESUME_FALLBACK_TICKET_NACK, RESUME_FALLBACK_EXPIRED,
	ARRAY_REF(resume_fallback_name),
	NULL, NULL,
};

/*
 * The rejected-ticket counters' names, one word each for
 * --resumestatus ("unknown-key=N"): the codec's, then the gateway's.
 */
static const char *const ticket_counter_name[] = {
	[RESUME_TICKET_OK] = "ok",
	[RESUME_TICKET_TRUNCATED] = "truncated",
	[RESUME_TICKET_TOO_BIG] = "too-big",
	[RESUME_TICKET_BAD_VERSION] = "bad-version",
	[RESUME_TICKET_BAD_HEADER] = "bad-header",
	[RESUME_TICKET_UNKNOWN_KEY] = "unknown-key",
	[RESUME_TICKET_TAG_FAILURE] = "tag-failure",
	[RESUME_TICKET_MALFORMED_TLV] = "malformed-TLV",
	[RESUME_TICKET_DUPLICATE_TLV] = "duplicate-TLV",
	[RESUME_TICKET_UNKNOWN_CRITICAL_TLV] = "unknown-critical-TLV",
	[RESUME_TICKET_MISSING_TLV] = "missing-TLV",
	[RESUME_TICKET_EXPIRED] = "expired",
	[RESUME_TICKET_UNKNOWN_ALGORITHM] = "unknown-algorithm",
	[RESUME_TICKET_BAD_SK_D] = "SK_d-does-not-unwrap",
};

static const struct enum_names ticket_counter_names = {
	RESUME_TICKET_OK, RESUME_TICKET_STATUS_ROOF - 1,
	ARRAY_REF(ticket_counter_name),
	NULL, NULL,
};

static const char *const reject_counter_name[] = {
#define S(E, N) [E - RESUME_REJECT_ID_MISMATCH] = N
	S(RESUME_REJECT_ID_MISMATCH, "identity-mismatch"),
	S(RESUME_REJECT_NO_KEYS, "no-ticket-keys"),
	S(RESUME_REJECT_REPLAYED, "replayed"),
	S(RESUME_REJECT_REPLAY_CACHE_FULL, "replay-cache-full"),
	S(RESUME_REJECT_REVOKED, "revoked"),
	S(RESUME_REJECT_REVOCATIONS_LOST, "revocations-lost"),
	S(RESUME_REJECT_CONNECTION_GONE, "connection-gone"),
	S(RESUME_REJECT_AUTH_NOT_ADMITTED, "authentication-not-admitted"),
	S(RESUME_REJECT_PEER_ID_NOT_ADMITTED, "peer-ID-not-admitted"),
	S(RESUME_REJECT_CA_NOT_ADMITTED, "CA-not-admitted"),
#ifdef USE_RESUME_STORE
	S(RESUME_REJECT_STORE_UNAVAILABLE, "store-unavailable"),
	S(RESUME_REJECT_STORE_ERROR, "store-error"),
#ifdef USE_RESUME_STORE_REF
	S(RESUME_REJECT_REFERENCE_UNKNOWN, "reference-unknown"),
#endif
#endif
#undef S
};

static const struct enum_names reject_counter_names = {
	RESUME_REJECT_ID_MISMATCH, RESUME_REJECT_REASON_ROOF - 1,
	ARRAY_REF(reject_counter_name),
	NULL, &ticket_counter_names,
};

static struct {
	unsigned long attempts;
	unsigned long resumed;
	unsigned long fallbacks[RESUME_FALLBACK_ROOF];
} client_stats;

static struct {
	unsigned long issued;
	unsigned long refused_to_issue;
	unsigned long accepted;
	unsigned long used;
	unsigned long used_concurrently;
	unsigned long rejected[RESUME_REJECT_REASON_ROOF];
} gateway_stats;

/* " unknown-key=N" */
static void jam_rejected(struct jambuf *buf, unsigned why)
{
	jam_char(buf, ' ');
	jam_enum_long(buf, &reject_counter_names, why);
	jam(buf, "=%lu", gateway_stats.rejected[why]);
}

void count_v2_resume_ticket_issued(void)
{
	gateway_stats.issued++;
}

void count_v2_resume_ticket_refused_to_issue(void)
{
	gateway_stats.refused_to_issue++;
}

void count_v2_resume_ticket_accepted(void)
{
	gateway_stats.accepted++;
}

void count_v2_resume_ticket_used(void)
{
	gateway_stats.used++;
}

void count_v2_resume_ticket_used_concurrently(void)
{
	gateway_stats.used_concurrently++;
}

void count_v2_resume_ticket_rejected(enum resume_reject_reason why)
{
	if (why < RESUME_REJECT_REASON_ROOF) {
		gateway_stats.rejected[why]++;
	}
}

void count_v2_resume_attempt(void)
{
	client_stats.attempts++;
}

void count_v2_resume_resumed(void)
{
	client_stats.resumed++;
}

void count_v2_resume_refusal(v2_notification_t refusal)
{
	enum resume_fallback why =
		(refusal == v2N_TICKET_NACK ? RESUME_FALLBACK_TICKET_NACK :
		 refusal == v2N_NO_PROPOSAL_CHOSEN ? RESUME_FALLBACK_NO_PROPOSAL_CHOSEN :
		 refusal == v2N_INVALID_SYNTAX ? RESUME_FALLBACK_INVALID_SYNTAX :
		 refusal == v2N_REDIRECT ? RESUME_FALLBACK_REDIRECT :
		 RESUME_FALLBACK_OTHER_REFUSAL);
	client_stats.fallbacks[why]++;
}

void count_v2_resume_auth_refused(void)
{
	client_stats.fallbacks[RESUME_FALLBACK_AUTH_REFUSED]++;
}

void count_v2_resume_timeout(void)
{
	client_stats.fallbacks[RESUME_FALLBACK_TIMEOUT]++;
}

void count_v2_resume_ticket_expired(void)
{
	client_stats.fallbacks[RESUME_FALLBACK_EXPIRED]++;
}

void show_resume_status(struct show *s)
{
	realtime_t now = realnow();
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: tickets issued=%lu refused=%lu accepted=%lu used=%lu used-concurrently=%lu",
		    gateway_stats.issued, gateway_stats.refused_to_issue, gateway_stats.accepted,
		    gateway_stats.used, gateway_stats.used_concurrently);
		jam_v2_resume_revocation_counts(buf);
	}
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: client: attempts=%lu resumed=%lu fallbacks:",
		    client_stats.attempts, client_stats.resumed);
		for (enum resume_fallback i = 0; i < RESUME_FALLBACK_ROOF; i++) {
			jam_char(buf, ' ');
			jam_enum_long(buf, &resume_fallback_names, i);
			jam(buf, "=%lu", client_stats.fallbacks[i]);
		}
	}
	show_v2_resume_revocations(s, now);
#ifdef USE_RESUME_STORE
	show_v2_resume_store(s);
#endif
	const struct resume_replay_cache *cache = resume_gateway_replay_cache();
	if (cache != NULL) {
		show(s, "session resumption: single-use cache: %u of %u tickets, %zu KiB",
		     resume_replay_entries(cache), resume_replay_max_entries(cache),
		     resume_replay_memory(cache) / 1024);
	}
	SHOW_JAMBUF(s, buf) {
		jam_string(buf, "session resumption: tickets rejected:");
		/*
		 * The codec's, then the gateway's, in the order they
		 * have always been shown in: the key ring's SK_d among
		 * the gateway's, before revoked.
		 */
		for (unsigned why = RESUME_TICKET_OK + 1; why < RESUME_TICKET_STATUS_ROOF; why++) {
			if (why != RESUME_TICKET_BAD_SK_D) {
				jam_rejected(buf, why);
			}
		}
		for (unsigned why = RESUME_REJECT_ID_MISMATCH; why < RESUME_REJECT_REASON_ROOF; why++) {
			if (why == RESUME_REJECT_REVOKED) {
				jam_rejected(buf, RESUME_TICKET_BAD_SK_D);
			}
			jam_rejected(buf, why);
		}
	}
	const struct resume_keyring *keyring = resume_gateway_keyring();
	if (keyring == NULL) {
		show(s, "session resumption: no ticket keys");
		return;
	}
	for (unsigned i = 0; i < keyring->nr_keys; i++) {
		SHOW_JAMBUF(s, buf) {
			jam_string(buf, "session resumption key: ");
			jam_resume_key(buf, keyring, &keyring->keys[i], now);
		}
	}
}
