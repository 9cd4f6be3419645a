/* IKEv2 session resumption (RFC 5723): tickets <-> IKE SAs, for libreswan
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

#include <sys/stat.h>
#include <errno.h>
#include <unistd.h>

#include "defs.h"
#include "state.h"
#include "connections.h"
#include "log.h"
#include "log_limiter.h"
#include "packet.h"
#include "crypt_symkey.h"
#include "crypt_prf.h"
#include "crypt_hash.h"
#include "ike_alg_hash.h"
#include "lswnss.h"
#include "ike_alg.h"
#include "ike_alg_encrypt.h"
#include "ike_alg_prf.h"
#include "ike_alg_integ.h"
#include "ike_alg_dh.h"
#include "ikev2_message.h"
#include "ikev2_notification.h"
#include "ikev2_proposals.h"
#include "peer_id.h"		/* for unpack_id() */
#include "show.h"
#include "rnd.h"
#include "ikev2_ike_session_resume.h"
#include "ikev2_resume_session.h"
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_replay.h"
#include "ikev2_resume_revocation.h"
#include "ikev2_psk.h"
#include "ikev2_prf.h"		/* for ikev2_psk_resume() */
#include "ikev2_resume_policy.h"

deltatime_t pluto_resume_key_rotation = DELTATIME_INIT(DEFAULT_RESUME_KEY_ROTATION);
deltatime_t pluto_resume_ticket_lifetime = DELTATIME_INIT(DEFAULT_RESUME_TICKET_LIFETIME);
char *pluto_resume_cluster_seed;
unsigned pluto_resume_replay_cache_entries = RESUME_REPLAY_DEFAULT_ENTRIES;

/* NULL when the NSS DB can't hold keys: no tickets issued or accepted */
static struct resume_keyring *resume_keyring;

/*
 * Tickets an IKE SA was established with, until they expire (single
 * use).  In memory only: after a restart a used ticket could be
 * presented once more within its lifetime, but resuming with it still
 * needs its SK_d (docs/operations.md).
 */
static struct resume_replay_cache *resume_replay_cache;

/*
 * A ticket's id is a keyed hash of the SPIs of the IKE SA it was issued
 * for, under a secret of this process: unique per IKE SA (one ticket
 * each), unpredictable, and computable again from the IKE SA alone, so
 * revoking the tickets of an IKE SA needs no table of issued tickets.
 * The id only ever travels inside the sealed ticket.
 */
static uint8_t ticket_id_secret[32];
static bool ticket_id_secret_set;

/* SHA-256(secret | ...), the caller adding the rest */
static struct crypt_hash *keyed_id_init(const char *what, struct logger *logger)
{
	if (!ticket_id_secret_set) {
		get_rnd_bytes(ticket_id_secret, sizeof(ticket_id_secret));
		ticket_id_secret_set = true;
	}
	struct crypt_hash *hash = crypt_hash_init(what, &ike_alg_hash_sha2_256, logger);
	crypt_hash_digest_thing(hash, "secret", ticket_id_secret);
	return hash;
}

static void keyed_id_final(struct crypt_hash **hash, uint8_t id[RESUME_TICKET_ID_SIZE],
			   struct logger *logger)
{
	struct crypt_mac digest = crypt_hash_final_mac(hash);
	PASSERT(logger, digest.len >= RESUME_TICKET_ID_SIZE);
	memcpy(id, digest.ptr, RESUME_TICKET_ID_SIZE);
}

void resume_ticket_id_of(const struct ike_sa *ike, uint8_t id[RESUME_TICKET_ID_SIZE])
{
	struct crypt_hash *hash = keyed_id_init("ticket id", ike->sa.logger);
	crypt_hash_digest_thing(hash, "SPIi", ike->sa.st_ike_spis.initiator.bytes);
	crypt_hash_digest_thing(hash, "SPIr", ike->sa.st_ike_spis.responder.bytes);
	keyed_id_final(&hash, id, ike->sa.logger);
}

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
	RESUME_FALLBACK_ROOF,
};

static const char *const resume_fallback_names[RESUME_FALLBACK_ROOF] = {
	[RESUME_FALLBACK_TICKET_NACK] = "ticket-nack",
	[RESUME_FALLBACK_NO_PROPOSAL_CHOSEN] = "no-proposal-chosen",
	[RESUME_FALLBACK_INVALID_SYNTAX] = "invalid-syntax",
	[RESUME_FALLBACK_REDIRECT] = "redirect",
	[RESUME_FALLBACK_OTHER_REFUSAL] = "other-refusal",
	[RESUME_FALLBACK_AUTH_REFUSED] = "auth-refused",
	[RESUME_FALLBACK_TIMEOUT] = "timeout",
	[RESUME_FALLBACK_EXPIRED] = "expired",
};

static struct {
	unsigned long attempts;
	unsigned long resumed;
	unsigned long fallbacks[RESUME_FALLBACK_ROOF];
} resume_client_stats;

static void count_v2_resume_fallback(enum resume_fallback why)
{
	resume_client_stats.fallbacks[why]++;
}

void count_v2_resume_refusal(v2_notification_t refusal)
{
	count_v2_resume_fallback(refusal == v2N_TICKET_NACK ? RESUME_FALLBACK_TICKET_NACK :
				 refusal == v2N_NO_PROPOSAL_CHOSEN ? RESUME_FALLBACK_NO_PROPOSAL_CHOSEN :
				 refusal == v2N_INVALID_SYNTAX ? RESUME_FALLBACK_INVALID_SYNTAX :
				 refusal == v2N_REDIRECT ? RESUME_FALLBACK_REDIRECT :
				 RESUME_FALLBACK_OTHER_REFUSAL);
}

void count_v2_resume_ticket_expired(void)
{
	count_v2_resume_fallback(RESUME_FALLBACK_EXPIRED);
}

void drop_v2_resume_ticket_unanswered(struct ike_sa *ike)
{
	struct connection *c = ike->sa.st_connection;
	if (c->session == NULL) {
		return;
	}
	/*
	 * A gateway that lost its state can answer; one that drops
	 * exchange 38 (or a middlebox that does) never will, and 5.2
	 * presented the same ticket again on every retry until it
	 * expired (gaps row 17).  Never present it again.
	 */
	pfree_session(&c->session);
	count_v2_resume_fallback(RESUME_FALLBACK_TIMEOUT);
	llog(RC_LOG, ike->sa.logger,
	     "no answer to the IKE_SESSION_RESUME request; dropped the ticket, the next attempt uses IKE_SA_INIT");
}

static struct {
	unsigned long issued;
	unsigned long refused_to_issue;
	unsigned long accepted;
	unsigned long used;
	unsigned long replayed_concurrently;
	unsigned long rejected[RESUME_TICKET_STATUS_ROOF];
} resume_stats;

/*
 * The ticket records how the peer first authenticated (RFC 5723 5:
 * "authentication method ... from the ticket") with a code of its own,
 * so that the ticket does not depend on the numbering of enum
 * keyword_auth in this build.
 */
static const struct {
	enum keyword_auth auth;
	uint8_t code;
} ticket_auth_codes[] = {
	{ AUTH_PSK, 1, },
	{ AUTH_RSASIG, 2, },
	{ AUTH_ECDSA, 3, },
	{ AUTH_NULL, 4, },
	{ AUTH_EAPONLY, 5, },
};

uint8_t resume_ticket_auth_code(enum keyword_auth auth)
{
	FOR_EACH_ELEMENT(e, ticket_auth_codes) {
		if (e->auth == auth) {
			return e->code;
		}
	}
	return 0;
}

bool resume_ticket_auth(uint8_t code, enum keyword_auth *auth)
{
	FOR_EACH_ELEMENT(e, ticket_auth_codes) {
		if (e->code == code) {
			*auth = e->auth;
			return true;
		}
	}
	return false;
}

/*
 * The cluster seed file: one line "<epoch> <64 hex digits>", root only.
 * Read once to seed the ratchet in the NSS DB; after that the operator
 * deletes it (docs/operations.md).  False after logging.
 */
static bool read_cluster_seed(const char *file, struct resume_cluster_seed *seed,
			      struct logger *logger)
{
	FILE *f = fopen(file, "r");
	if (f == NULL) {
		return false;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		llog(RC_LOG, logger,
		     "WARNING: session resumption cluster seed %s is readable by others than its owner", file);
	}
	char hex[2 * RESUME_CLUSTER_SEED_SIZE + 2];
	unsigned long epoch;
	bool ok = (fscanf(f, "%lu %66s", &epoch, hex) == 2 &&
		   strlen(hex) == 2 * RESUME_CLUSTER_SEED_SIZE &&
		   epoch <= UINT32_MAX);
	for (unsigned i = 0; ok && i < RESUME_CLUSTER_SEED_SIZE; i++) {
		unsigned byte;
		char pair[3] = { hex[2 * i], hex[2 * i + 1], '\0', };
		ok = (sscanf(pair, "%2x", &byte) == 1);
		seed->bytes[i] = byte;
	}
	seed->epoch = epoch;
	memset(hex, 0, sizeof(hex));
	fclose(f);
	if (!ok) {
		llog(RC_LOG, logger,
		     "session resumption cluster seed %s: expecting \"<epoch> <%u hex digits>\"",
		     file, 2 * RESUME_CLUSTER_SEED_SIZE);
	}
	return ok;
}

void refresh_v2_ike_session_resume(struct logger *logger)
{
	realtime_t now = realnow();
	if (resume_replay_cache != NULL) {
		resume_replay_sweep(resume_replay_cache, now);
	}
	/* once, before the first packet is read; then hourly */
	load_v2_resume_revocations(now, logger);
	expire_v2_resume_revocations(now);
	if (resume_keyring != NULL) {
		resume_keyring_refresh(resume_keyring, now, logger);
		return;
	}
	PK11SlotInfo *slot = lsw_nss_get_authenticated_slot(logger);
	if (slot == NULL) {
		llog(RC_LOG, logger,
		     "session resumption disabled: the NSS DB is not usable; tickets are neither issued nor accepted");
		return;
	}
	const struct resume_keyring_policy policy = {
		.rotation = pluto_resume_key_rotation,
		.ticket_lifetime = pluto_resume_ticket_lifetime,
		.cluster = (pluto_resume_cluster_seed != NULL),
	};
	struct resume_cluster_seed seed;
	bool have_seed = (policy.cluster &&
			  read_cluster_seed(pluto_resume_cluster_seed, &seed, logger));
	diag_t d = resume_keyring_open(&resume_keyring, slot, &policy,
				       (have_seed ? &seed : NULL), now, logger);
	memset(&seed, 0, sizeof(seed));
	PK11_FreeSlot(slot);
	if (d != NULL) {
		llog(RC_LOG, logger,
		     "session resumption disabled: %s; tickets are neither issued nor accepted",
		     str_diag(d));
		pfree_diag(&d);
	}
}

void shutdown_ike_session_resume(struct logger *logger UNUSED)
{
	/* the keys stay in the NSS DB: that is the point */
	resume_keyring_close(&resume_keyring);
	free_resume_replay_cache(&resume_replay_cache);
	free_v2_resume_revocations();
	pfreeany(pluto_resume_cluster_seed);
}

struct resume_session *clone_resume_session(const struct resume_session *session)
{
	struct resume_session *clone = clone_bytes(session, sizeof(*session), "resume session");
	clone->initiator_id = clone_id(&session->initiator_id, "resume initiator ID");
	clone->responder_id = clone_id(&session->responder_id, "resume responder ID");
	clone_resume_session_policy(clone, session);
	return clone;
}

void pfree_resume_session(struct resume_session **session)
{
	if (*session == NULL) {
		return;
	}
	free_id_content(&(*session)->initiator_id);
	free_id_content(&(*session)->responder_id);
	free_resume_session_policy(*session);
	pfree(*session);
	*session = NULL;
}

void set_resume_session(struct resume_session *session,
			const struct connection_end *initiator,
			const struct connection_end *responder,
			realtime_t auth_time)
{
	free_id_content(&session->initiator_id);
	free_id_content(&session->responder_id);
	session->initiator_id = clone_id(&initiator->host.id, "resume initiator ID");
	session->responder_id = clone_id(&responder->host.id, "resume responder ID");
	session->auth_method = initiator->host.config->auth;
	session->auth_time = auth_time;
}

void forget_v2_resume_ticket(struct connection *c, const char *why,
			     struct logger *logger)
{
	if (c->session == NULL) {
		return;
	}
	llog(RC_LOG, logger, "dropping the session resumption ticket: %s", why);
	pfree_session(&c->session);
}

void pfree_session(struct session **session)
{
	if (*session != NULL && (*session)->stored_file != NULL &&
	    unlink((*session)->stored_file) != 0 && errno != ENOENT) {
		llog_errno(RC_LOG, &global_logger, errno,
			   "session resumption: deleting the stored ticket %s failed: ",
			   (*session)->stored_file);
	}
	release_session(session);
}

void release_session(struct session **session)
{
	if (*session == NULL) {
		return;
	}
	pfreeany((*session)->stored_file);
	free_id_content(&(*session)->resume.initiator_id);
	free_id_content(&(*session)->resume.responder_id);
	free_resume_session_policy(&(*session)->resume);
	free_chunk_content(&(*session)->ticket);
	symkey_delref(&global_logger, "session.sk_d_old", &(*session)->sk_d_old);
	pfree((*session));
	(*session) = NULL;
}

void jam_resume_ticket(struct jambuf *buf, const struct session *session)
{
	jam_string(buf, "session resume ticket:");
	if (session == NULL) {
		jam_string(buf, " none");
		return;
	}
	jam(buf, " length: %zu bytes;", session->ticket.len);
	monotime_t now = mononow();
	if (monotime_cmp(session->sr_expires, <=, now)) {
		jam_string(buf, " expired;");
	} else {
		jam(buf, " expires-in: %jds;",
		    deltasecs(monotime_diff(session->sr_expires, now)));
	}
}

/*
 * RFC 4306 3.5: the ID payload body (type, three reserved octets, data)
 * exactly as it would be sent, so the ticket holds the whole identity
 * (no 255-character limit).
 */
chunk_t resume_id_payload_body(const struct host_end *end)
{
	shunk_t data;
	enum ike_id_type type = id_to_payload(&end->id, &end->addr, &data);
	uint8_t header[] = { type, 0, 0, 0, };
	chunk_t body = clone_bytes_as_chunk(header, sizeof(header), "ticket ID");
	append_chunk_hunk("ticket ID", &body, data);
	return body;
}

static diag_t id_from_payload_body(shunk_t body, struct id *id)
{
	/* the decoder has checked that there is data after the header */
	const uint8_t *type = body.ptr;
	struct pbs_in pbs = pbs_in_from_shunk(hunk_slice(body, 4, body.len), "ticket ID");
	struct id unpacked;
	diag_t d = unpack_id(*type, &unpacked, &pbs);
	if (d != NULL) {
		return d;
	}
	/* unpacked points into the plaintext, which is about to be wiped */
	*id = clone_id(&unpacked, "resume ID");
	return NULL;
}

static realtime_t realtime_min(realtime_t a, realtime_t b)
{
	return (realtime_cmp(a, <, b) ? a : b);
}

/*
 * RFC 5723 6.2: the ticket lives no longer than the IKE SA, nor past
 * the configured limit (which the key ring makes sure the key
 * outlives), nor, when the connection re-authenticates (reauth=yes),
 * past the re-authentication time, counted from the original
 * authentication so that a chain of resumptions or rekeys never
 * postpones it.  A connection that rekeys its IKE SA instead
 * (reauth=no) never re-authenticates, and its tickets, refreshed, last
 * as long as its IKE SAs do.
 */
static realtime_t ticket_expiry(const struct ike_sa *ike, realtime_t auth_time,
				realtime_t now)
{
	const struct connection *c = ike->sa.st_connection;
	realtime_t sa_ends = realtime_add(ike->sa.st_inception, c->config->sa_ike_max_lifetime);
	realtime_t cap = realtime_add(now, pluto_resume_ticket_lifetime);
	realtime_t expiry = realtime_min(sa_ends, cap);
	if (c->config->reauth) {
		realtime_t reauth = realtime_add(auth_time, c->config->sa_ike_max_lifetime);
		expiry = realtime_min(expiry, reauth);
	}
	return expiry;
}

static chunk_t mint_ticket(struct ike_sa *ike, realtime_t now, realtime_t *expiry)
{
	struct connection *c = ike->sa.st_connection;
	struct logger *logger = ike->sa.logger;
	if (resume_keyring == NULL) {
		llog(RC_LOG, logger, "not issuing a session resumption ticket: no ticket keys");
		return empty_chunk;
	}
	/*
	 * A resumed IKE SA passes on how and when the peer first
	 * authenticated (RFC 5723 5: re-authentication time).
	 */
	const struct resume_session *resumed = ike->sa.st_v2_resume_session;
	realtime_t auth_time = (resumed != NULL ? resumed->auth_time : ike->sa.st_inception);
	/* and the policy that admitted it, as negotiated (#3028) */
	const struct resume_policy policy = resume_policy_of(ike);
	enum keyword_auth peer_auth = policy.peer_auth;
	*expiry = ticket_expiry(ike, auth_time, now);
	if (realtime_cmp(*expiry, <=, now)) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: the peer must re-authenticate");
		return empty_chunk;
	}

	/* the gateway is the responder: IDi is the peer's */
	chunk_t idi = resume_id_payload_body(&c->remote->host);
	chunk_t idr = resume_id_payload_body(&c->local->host);
	struct resume_ticket_state state = {
		.idi = HUNK_AS_SHUNK(idi),
		.idr = HUNK_AS_SHUNK(idr),
		.peer_auth = resume_ticket_auth_code(peer_auth),
		.auth_time = auth_time.rt.tv_sec,
		.expiry = expiry->rt.tv_sec,
		.transforms = {
#define ID(ALG) (ike->sa.st_oakley.ALG == NULL ? 0 : ike->sa.st_oakley.ALG->common.ikev2_alg_id)
			.encr = ID(ta_encrypt),
			.encr_keylen = ike->sa.st_oakley.enckeylen,
			.prf = ID(ta_prf),
			.integ = ID(ta_integ),
			.dh = ID(ta_dh),
#undef ID
		},
		/* SK_d stays in NSS: the key ring wraps it */
		.conn_name = shunk1(c->name),
		.peer_ca = policy.peer_ca,
		.local_auth = resume_ticket_auth_code(policy.local_auth),
	};
	memcpy(state.spi_i, ike->sa.st_ike_spis.initiator.bytes, sizeof(state.spi_i));
	memcpy(state.spi_r, ike->sa.st_ike_spis.responder.bytes, sizeof(state.spi_r));
	resume_ticket_id_of(ike, state.ticket_id);

	chunk_t ticket = empty_chunk;
	if (state.peer_auth == 0) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: the peer's authentication method can not be resumed");
	} else if (idi.len > RESUME_TICKET_MAX_ID_SIZE || idr.len > RESUME_TICKET_MAX_ID_SIZE) {
		llog(RC_LOG, logger,
		     "not issuing a session resumption ticket: an ID is longer than %u octets",
		     (unsigned)RESUME_TICKET_MAX_ID_SIZE);
	} else {
		ticket = resume_keyring_advance_and_seal_ticket(resume_keyring, &state,
								ike->sa.st_skey_d_nss, now, logger);
	}
	free_chunk_content(&idi);
	free_chunk_content(&idr);
	return ticket;
}

/*
 * RFC 5723 4.1: a gateway asked for a ticket answers with one, or with
 * TICKET_NACK; never neither.  False only when the message can't be
 * built.
 */
bool emit_v2N_TICKET_LT_OPAQUE(struct ike_sa *ike, struct pbs_out *pbs)
{
	realtime_t now = realnow();
	realtime_t expiry;
	chunk_t ticket = mint_ticket(ike, now, &expiry);
	if (ticket.len == 0) {
		resume_stats.refused_to_issue++;
		return emit_v2N(v2N_TICKET_NACK, pbs);
	}

	struct ikev2_ticket_lifetime tl = {
		.sr_lifetime = deltasecs(realtime_diff(expiry, now)),
	};
	struct pbs_out resume_pbs;
	bool ok = (open_v2N_output_pbs(pbs, v2N_TICKET_LT_OPAQUE, &resume_pbs) &&
		   out_struct(&tl, &ikev2_ticket_lifetime_desc, &resume_pbs, NULL) &&
		   pbs_out_hunk(&resume_pbs, ticket, "resume ticket") &&
		   close_pbs_out(&resume_pbs));
	free_chunk_content(&ticket);
	if (ok) {
		resume_stats.issued++;
		realtime_buf rtb;
		llog(RC_LOG, ike->sa.logger, "sending IKE_SESSION_RESUME ticket, expires %s",
		     str_realtime(expiry, /*utc*/false, &rtb));
	}
	return ok;
}

void record_v2_resume_ticket_used(struct ike_sa *ike)
{
	const struct resume_session *session = ike->sa.st_v2_resume_session;
	if (ike->sa.st_sa_role != SA_RESPONDER || session == NULL ||
	    !session->from_ticket || resume_replay_cache == NULL) {
		return;
	}
	switch (resume_replay_record(resume_replay_cache, session->ticket_id,
				     session->ticket_expiry, realnow())) {
	case RESUME_REPLAY_ROOM:	/* not returned by record */
	case RESUME_REPLAY_RECORDED:
		resume_stats.used++;
		return;
	case RESUME_REPLAY_DUPLICATE:
		/* two IKE_AUTHs raced with one ticket; both had its SK_d */
		resume_stats.replayed_concurrently++;
		llog(RC_LOG, ike->sa.logger,
		     "session resumption ticket was used by two IKE SAs at once");
		return;
	case RESUME_REPLAY_FULL:
		/* checked when the ticket was opened; a race at the cap */
		llog(RC_LOG, ike->sa.logger,
		     "session resumption single-use cache is full; ticket not recorded");
		return;
	}
}

void count_v2_resume_ticket_rejected(enum resume_ticket_status why)
{
	if (why < RESUME_TICKET_STATUS_ROOF) {
		resume_stats.rejected[why]++;
	}
}

static bool reject_ticket(struct ike_sa *ike, enum resume_ticket_status why)
{
	count_v2_resume_ticket_rejected(why);
	limited_llog(ike->sa.logger, UNSECURED_LOG_LIMITER,
		     "rejecting IKE_SESSION_RESUME ticket: %s",
		     resume_ticket_status_name(why));
	return false;
}

bool open_v2_resume_ticket(struct ike_sa *ike, shunk_t ticket)
{
	if (resume_keyring == NULL) {
		return reject_ticket(ike, RESUME_TICKET_NO_KEYS);
	}
	realtime_t now = realnow();
	chunk_t plaintext;
	struct resume_ticket_state state;
	PK11SymKey *sk_d_old;
	enum resume_ticket_status status =
		resume_keyring_open_ticket(resume_keyring, ticket, now, &plaintext, &state,
					   &sk_d_old);
	if (status != RESUME_TICKET_OK) {
		return reject_ticket(ike, status);
	}

	if (resume_replay_cache == NULL) {
		resume_replay_cache = alloc_resume_replay_cache(pluto_resume_replay_cache_entries);
	}
	struct resume_session session = {
		.auth_time = realtime(state.auth_time),
		.from_ticket = true,
		.ticket_expiry = realtime(state.expiry),
	};
	memcpy(session.ticket_id, state.ticket_id, sizeof(session.ticket_id));
	/* the IKE SA it was issued for, deleted once resumed (4.3.4) */
	memcpy(session.ticket_ike_spis.initiator.bytes, state.spi_i, sizeof(state.spi_i));
	memcpy(session.ticket_ike_spis.responder.bytes, state.spi_r, sizeof(state.spi_r));
	diag_t d = NULL;
	if (!resume_ticket_auth(state.peer_auth, &session.auth_method)) {
		status = RESUME_TICKET_MALFORMED_TLV;
	} else if ((d = id_from_payload_body(state.idi, &session.initiator_id)) != NULL ||
		   (d = id_from_payload_body(state.idr, &session.responder_id)) != NULL) {
		ldbg(ike->sa.logger, "ticket ID: %s", str_diag(d));
		pfree_diag(&d);
		status = RESUME_TICKET_MALFORMED_TLV;
	} else if ((status = resume_ticket_revocation(state.ticket_id, &session.initiator_id,
						      session.auth_time, now,
						      ike->sa.logger)) != RESUME_TICKET_OK) {
		/* revoked, or revocations lost: refused either way */
	} else switch (resume_replay_check(resume_replay_cache, state.ticket_id, now)) {
	case RESUME_REPLAY_DUPLICATE:
		/* an IKE SA was already established with it */
		status = RESUME_TICKET_REPLAYED;
		break;
	case RESUME_REPLAY_FULL:
		/* can't promise single use: fail closed, to a full handshake */
		status = RESUME_TICKET_REPLAY_CACHE_FULL;
		break;
	default:
		break;
	}
	if (status == RESUME_TICKET_OK) {
		/* this will be turned into SK_d during IKE_AUTH */
		PASSERT(ike->sa.logger, ike->sa.st_skey_d_nss == NULL);
		ike->sa.st_skey_d_nss = sk_d_old;
		set_ikev2_accepted_proposal(ike,
					    state.transforms.encr,
					    state.transforms.prf,
					    state.transforms.integ,
					    state.transforms.dh,
					    state.transforms.encr_keylen);
		ike->sa.st_v2_resume_session = clone_thing(session, "resume session");
		resume_session_policy_from_ticket(ike->sa.st_v2_resume_session, &state);
		resume_stats.accepted++;
	} else {
		free_id_content(&session.initiator_id);
		free_id_content(&session.responder_id);
		symkey_delref(ike->sa.logger, "sk_d_old", &sk_d_old);
	}
	free_resume_ticket_plaintext(&plaintext);
	return (status == RESUME_TICKET_OK ? true : reject_ticket(ike, status));
}

/*
 * IKE_SESSION_RESUME 4.3.3.  IKE_AUTH Exchange:
 *
 *   The IDi value sent in the IKE_AUTH exchange MUST be identical to
 *   the value included in the ticket.  [...] the IDr value sent (by
 *   the gateway, and optionally by the client) in this exchange MUST
 *   also be identical to the value included in the ticket.
 */
static bool same_ticket_id(const char *role, const struct id *got,
			   const struct id *want, struct logger *logger)
{
	if (same_id(got, want)) {
		return true;
	}
	count_v2_resume_ticket_rejected(RESUME_TICKET_ID_MISMATCH);
	id_buf gb, wb;
	llog(RC_LOG, logger,
	     "rejecting IKE_SESSION_RESUME ticket: %s: %s ID '%s' is not the ticket's '%s'",
	     resume_ticket_status_name(RESUME_TICKET_ID_MISMATCH), role,
	     str_id(got, &gb), str_id(want, &wb));
	return false;
}

bool verify_resume_session_id(const struct resume_session *session,
			      const struct id *initiator_id,
			      const struct id *responder_id,
			      struct logger *logger)
{
	return (same_ticket_id("initiator", initiator_id, &session->initiator_id, logger) &&
		(responder_id->kind == ID_NONE ||
		 same_ticket_id("responder", responder_id, &session->responder_id, logger)));
}

enum keyword_auth resume_session_auth(const struct resume_session *session)
{
	return session->auth_method;
}

void show_resume_status(struct show *s)
{
	realtime_t now = realnow();
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: tickets issued=%lu refused=%lu accepted=%lu used=%lu used-concurrently=%lu",
		    resume_stats.issued, resume_stats.refused_to_issue, resume_stats.accepted,
		    resume_stats.used, resume_stats.replayed_concurrently);
		jam_v2_resume_revocation_counts(buf);
	}
	SHOW_JAMBUF(s, buf) {
		jam(buf, "session resumption: client: attempts=%lu resumed=%lu fallbacks:",
		    resume_client_stats.attempts, resume_client_stats.resumed);
		for (unsigned i = 0; i < RESUME_FALLBACK_ROOF; i++) {
			jam(buf, " %s=%lu", resume_fallback_names[i],
			    resume_client_stats.fallbacks[i]);
		}
	}
	show_v2_resume_revocations(s, now);
	if (resume_replay_cache != NULL) {
		show(s, "session resumption: single-use cache: %u of %u tickets, %zu KiB",
		     resume_replay_entries(resume_replay_cache),
		     resume_replay_max_entries(resume_replay_cache),
		     resume_replay_memory(resume_replay_cache) / 1024);
	}
	SHOW_JAMBUF(s, buf) {
		jam_string(buf, "session resumption: tickets rejected:");
		for (unsigned i = RESUME_TICKET_OK + 1; i < RESUME_TICKET_STATUS_ROOF; i++) {
			/* "unknown key" -> "unknown-key=N": one word per counter */
			jam_char(buf, ' ');
			for (const char *c = resume_ticket_status_name(i); *c != '\0'; c++) {
				jam_char(buf, *c == ' ' ? '-' : *c);
			}
			jam(buf, "=%lu", resume_stats.rejected[i]);
		}
	}
	if (resume_keyring == NULL) {
		show(s, "session resumption: no ticket keys");
		return;
	}
	for (unsigned i = 0; i < resume_keyring->nr_keys; i++) {
		SHOW_JAMBUF(s, buf) {
			jam_string(buf, "session resumption key: ");
			jam_resume_key(buf, resume_keyring, &resume_keyring->keys[i], now);
		}
	}
}

void rotate_v2_resume_key(struct logger *logger)
{
	if (resume_keyring == NULL) {
		llog(RC_LOG, logger, "session resumption: no ticket keys to rotate");
		return;
	}
	diag_t d = resume_keyring_rotate(resume_keyring, realnow(), logger);
	if (d != NULL) {
		llog(RC_LOG, logger, "session resumption: rotating the ticket key failed: %s",
		     str_diag(d));
		pfree_diag(&d);
	}
}

void purge_v2_resume_keys(struct logger *logger)
{
	if (resume_keyring == NULL) {
		llog(RC_LOG, logger, "session resumption: no ticket keys to purge");
		return;
	}
	resume_keyring_purge(resume_keyring, logger);
	llog(RC_LOG, logger, "session resumption: every outstanding ticket is revoked");
}

/*
 * AUTH of the IKE_AUTH that follows IKE_SESSION_RESUME.
 *
 * RFC 5723 4.3.3: "AUTH = prf(SK_px, <message octets>)", where the
 * message octets are those of RFC 7296 2.15: the sender's
 * IKE_SESSION_RESUME message, the peer's nonce, and prf(SK_px, ID').
 * No "Key Pad for IKEv2", no shared secret (R-4.3.3-2, R-4.3.3-3).
 * libreswan 5.2 MACs the message alone; see docs/interop.md for how
 * the two meet.
 */

/*
 * Known-answer test output, only under --impair log-resume-kat.  Long
 * values go in pieces so that no log line is truncated.
 */

#define KAT_PIECE_BYTES 256

static void log_kat_bytes(const struct ike_sa *ike, const char *name,
			  const uint8_t *bytes, size_t len)
{
	size_t off = 0;
	do {
		size_t n = (len - off < KAT_PIECE_BYTES ? len - off : KAT_PIECE_BYTES);
		LLOG_JAMBUF(RC_LOG, ike->sa.logger, buf) {
			jam(buf, "IMPAIR: resume KAT: %s +%zu: ", name, off);
			jam_hex_bytes(buf, bytes + off, n);
		}
		off += n;
	} while (off < len);
}

#define log_kat_hunk(IKE, NAME, HUNK)					\
	({								\
		typeof(HUNK) hunk_ = HUNK; /* evaluate once */		\
		log_kat_bytes(IKE, NAME, hunk_.ptr, hunk_.len);	\
	})

static void log_kat_symkey(const struct ike_sa *ike, const char *name, PK11SymKey *key)
{
	chunk_t bytes = chunk_from_symkey(name, key, ike->sa.logger);
	log_kat_hunk(ike, name, bytes);
	free_chunk_content(&bytes);
}

static void log_kat_string(const struct ike_sa *ike, const char *name, const char *value)
{
	llog(RC_LOG, ike->sa.logger, "IMPAIR: resume KAT: %s: %s", name, value);
}

void log_resume_kat_input(const struct ike_sa *ike)
{
	log_kat_string(ike, "role", (ike->sa.st_sa_role == SA_INITIATOR ? "initiator" : "responder"));
	log_kat_string(ike, "prf", ike->sa.st_oakley.ta_prf->common.fqn);
	log_kat_symkey(ike, "SK_d old", ike->sa.st_skey_d_nss);
	log_kat_hunk(ike, "Ni", ike->sa.st_ni);
	log_kat_hunk(ike, "Nr", ike->sa.st_nr);
}

void log_resume_kat_output(const struct ike_sa *ike, const ike_spis_t *new_spis)
{
	log_kat_bytes(ike, "SPIi", new_spis->initiator.bytes, sizeof(new_spis->initiator.bytes));
	log_kat_bytes(ike, "SPIr", new_spis->responder.bytes, sizeof(new_spis->responder.bytes));
	LLOG_JAMBUF(RC_LOG, ike->sa.logger, buf) {
		jam(buf, "IMPAIR: resume KAT: key sizes: SK_d %zu SK_a %zu SK_e %zu SK_p %zu",
		    ike->sa.st_oakley.ta_prf->prf_key_size,
		    (ike->sa.st_oakley.ta_integ == NULL ? 0 :
		     ike->sa.st_oakley.ta_integ->integ_keymat_size),
		    (ike->sa.st_oakley.enckeylen / BITS_PER_BYTE +
		     ike->sa.st_oakley.ta_encrypt->salt_size),
		    ike->sa.st_oakley.ta_prf->prf_key_size);
	}
	log_kat_symkey(ike, "SK_d", ike->sa.st_skey_d_nss);
	log_kat_symkey(ike, "SK_pi", ike->sa.st_skey_pi_nss);
	log_kat_symkey(ike, "SK_pr", ike->sa.st_skey_pr_nss);
}

static const char *const resume_auth_form_names[] = {
	[RESUME_AUTH_RFC5723] = "RFC 5723",
	[RESUME_AUTH_LIBRESWAN_5_2] = "libreswan 5.2",
};

struct resume_session *resume_session_for_initiator(const struct connection *c,
						    bool peer_pre_rfc_auth)
{
	struct resume_session *session = clone_resume_session(&c->session->resume);
	session->auth_form = (peer_pre_rfc_auth ? RESUME_AUTH_LIBRESWAN_5_2 :
			      RESUME_AUTH_RFC5723);
	resume_client_stats.attempts++;
	return session;
}

struct crypt_mac resume_auth_sighash(const struct ike_sa *ike,
				     PK11SymKey *SK_px,
				     chunk_t message, shunk_t nonce,
				     const struct crypt_mac *idhash,
				     shunk_t intermediate)
{
	const struct prf_desc *prf_desc = ike->sa.st_oakley.ta_prf;
	if (ike->sa.st_v2_resume_session->auth_form == RESUME_AUTH_LIBRESWAN_5_2) {
		/* 5.2's own computation, over the message alone */
		return ikev2_psk_resume(prf_desc, SK_px, message, ike->sa.logger);
	}
	struct crypt_prf *prf = crypt_prf_init_symkey("resumed AUTH = prf(SK_px, <message octets>)",
						      prf_desc, "SK_px", SK_px,
						      ike->sa.logger);
	if (prf == NULL) {
		llog_pexpect(ike->sa.logger, HERE, "no PRF for the resumed AUTH");
		return empty_mac;
	}
	crypt_prf_update_hunk(prf, "IKE_SESSION_RESUME message", message);
	crypt_prf_update_hunk(prf, "peer's nonce", nonce);
	crypt_prf_update_hunk(prf, "prf(SK_px, ID')", *idhash);
	crypt_prf_update_hunk(prf, "IntAuth", intermediate);
	return crypt_prf_final_mac(&prf, NULL);
}

void log_resume_kat_auth(const struct ike_sa *ike, PK11SymKey *SK_px,
			 shunk_t message, shunk_t nonce,
			 const struct crypt_mac *idhash,
			 const struct crypt_mac *auth)
{
	log_kat_string(ike, "AUTH form",
		       resume_auth_form_names[ike->sa.st_v2_resume_session->auth_form]);
	log_kat_hunk(ike, "AUTH message", message);
	log_kat_hunk(ike, "AUTH nonce", nonce);
	log_kat_hunk(ike, "AUTH idhash", *idhash);
	log_kat_symkey(ike, "AUTH SK_px", SK_px);
	log_kat_hunk(ike, "AUTH value", *auth);
}

static bool resume_auth_matches(const struct ike_sa *ike,
				const struct crypt_mac *idhash,
				shunk_t received)
{
	struct crypt_mac calc = empty_mac;
	diag_t d = ikev2_calculate_psk_sighash(REMOTE_PERSPECTIVE, NULL, ike, AUTH_PSK,
					       idhash, ike->sa.st_firstpacket_peer, &calc);
	if (d != NULL) {
		llog(RC_LOG, ike->sa.logger, "%s", str_diag(d));
		pfree_diag(&d);
		return false;
	}
	return hunk_eq(received, calc);
}

diag_t verify_resume_auth(const struct ike_sa *ike,
			  const struct crypt_mac *idhash,
			  shunk_t received)
{
	struct resume_session *session = ike->sa.st_v2_resume_session;
	if (resume_auth_matches(ike, idhash, received)) {
		if (ike->sa.st_sa_role == SA_INITIATOR) {
			/* the gateway proved it holds the ticket's SK_d */
			resume_client_stats.resumed++;
		}
		return NULL;
	}
	if (ike->sa.st_sa_role == SA_RESPONDER &&
	    session->auth_form == RESUME_AUTH_RFC5723) {
		/*
		 * A stock 5.2 client.  Its form MACs less, but under the
		 * same fresh SK_pi, which only a holder of the ticket's
		 * SK_d can derive, and inside an IKE_AUTH protected by
		 * keys from that same derivation; the ID it leaves out
		 * is checked against the ticket anyway (R-4.3.3-4).
		 * Answer in the same form, the only one it verifies.
		 */
		session->auth_form = RESUME_AUTH_LIBRESWAN_5_2;
		if (resume_auth_matches(ike, idhash, received)) {
			llog(RC_LOG, ike->sa.logger,
			     "peer's resumed AUTH is in libreswan 5.2's form, not RFC 5723's; answering in the same form");
			return NULL;
		}
		session->auth_form = RESUME_AUTH_RFC5723;
	}
	return diag("authentication failed: resumed AUTH (%s form) does not match",
		    resume_auth_form_names[session->auth_form]);
}

void resume_auth_refused(const struct ike_sa *ike, bool *peer_pre_rfc_auth)
{
	count_v2_resume_fallback(RESUME_FALLBACK_AUTH_REFUSED);
	if (ike->sa.st_v2_resume_session->auth_form != RESUME_AUTH_RFC5723 ||
	    *peer_pre_rfc_auth) {
		return;
	}
	/*
	 * The refusal came inside the IKE_AUTH response, protected with
	 * keys derived from the ticket's SK_d: it is from the gateway
	 * itself, not from someone on the path.
	 */
	*peer_pre_rfc_auth = true;
	llog(RC_LOG, ike->sa.logger,
	     "gateway refused the RFC 5723 resumed AUTH; taking it for libreswan 5.2: the next resumption of this connection uses 5.2's form");
}
