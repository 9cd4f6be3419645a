/* IKEv2 session resumption (RFC 5723): tickets by reference in the cluster's store, for libreswan
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

/*
 * Tickets by reference (ikev2_resume_store_ref.h says what they are):
 * the short ticket's seal and open, and the write of the sealed ticket
 * under its reference.  The GETDEL that takes it is
 * ikev2_resume_store.c's, with the other requests an IKE SA waits for.
 */

#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <hiredis/async.h>

#include "defs.h"
#include "log.h"
#include "log_limiter.h"
#include "rnd.h"		/* for get_rnd_bytes(), NSS' PK11_GenerateRandom() */
#include "state.h"
#include "connections.h"
#include "ikev2_resume_gateway.h"	/* for resume_gateway_keyring() */
#include "ikev2_resume_keyring.h"
#include "ikev2_resume_ticket_seal.h"
#include "ikev2_resume_store_link.h"
#include "ikev2_resume_store_ref.h"

#define KEY_PREFIX	RESUME_STORE_KEY_PREFIX
#define REF_HEX_SIZE	(2 * RESUME_STORE_REF_SIZE + 1)

#define stats resume_store_stats

/*
 * A reference's write: the issue script (ikev2_resume_store_schema.c),
 * by EVALSHA once loaded.  Not waited for (the IKE_AUTH or
 * IKE_SESSION_RESUME response goes out with the short ticket), so the
 * request keeps what it sends: a NOSCRIPT answer sends it again, as
 * EVAL with the text.
 */
struct issue_request {
	bool by_sha;
	char key_ref[sizeof(KEY_PREFIX "ref:") + REF_HEX_SIZE];
	char key_peer_refs[sizeof(KEY_PREFIX "peer-refs:") + 64];
	char key_ticket[sizeof(KEY_PREFIX "ticket-ref:") + 2 * RESUME_TICKET_ID_SIZE + 1];
	char life[32];
	char hex[REF_HEX_SIZE];
	chunk_t sealed;
};

static void issue_reply(redisAsyncContext *ac, void *r, void *privdata);

static int send_issue(redisAsyncContext *ac, struct issue_request *req)
{
	const char *argv[] = {
		NULL, NULL,	/* resume_store_script_call()'s */
		"3", req->key_ref, req->key_peer_refs, req->key_ticket,
		(const char *)req->sealed.ptr, req->life, req->hex, KEY_PREFIX "ref:",
	};
	req->by_sha = resume_store_script_call(RESUME_STORE_ISSUE_SCRIPT, argv);
	size_t argvlen[] = {
		strlen(argv[0]), strlen(argv[1]), 1, strlen(req->key_ref),
		strlen(req->key_peer_refs), strlen(req->key_ticket), req->sealed.len,
		strlen(req->life), strlen(req->hex), strlen(KEY_PREFIX "ref:"),
	};
	passert(elemsof(argv) == elemsof(argvlen));
	return redisAsyncCommandArgv(ac, issue_reply, req, elemsof(argv), argv, argvlen);
}

static void free_issue_request(struct issue_request **req)
{
	free_chunk_content(&(*req)->sealed);
	pfree(*req);
	*req = NULL;
}

static void issue_reply(redisAsyncContext *ac, void *r, void *privdata)
{
	struct issue_request *req = privdata;
	const redisReply *reply = r;
	if (resume_store_stopping()) {
		free_issue_request(&req);
		return;
	}
	if (req->by_sha && resume_store_noscript(reply) && ac != NULL) {
		/* once more with the text, and load the scripts again */
		stats.noscripts++;
		ldbg(&global_logger, "session resumption store: NOSCRIPT; sending the reference's write with the script's text");
		load_v2_resume_store_scripts(ac);
		if (send_issue(ac, req) == REDIS_OK) {
			return;		/* REQ is with hiredis again */
		}
	}
	if (reply != NULL && reply->type == REDIS_REPLY_STATUS && streq(reply->str, "OK")) {
		free_issue_request(&req);
		return;
	}
	/* the client holds a reference to nothing: it will do a full handshake */
	stats.references_issue_failures++;
	LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
		jam_string(buf, "session resumption store: a ticket by reference was not stored (");
		if (reply == NULL) {
			jam_string(buf, "no answer");
		} else if (reply->type == REDIS_REPLY_ERROR) {
			jam_resume_store_words(buf, reply->str, reply->len);
		} else {
			jam_string(buf, "unexpected answer");
		}
		jam_string(buf, "); its resumption will be refused");
	}
	free_issue_request(&req);
}

static void ref_key(char key[sizeof(KEY_PREFIX "ref:") + REF_HEX_SIZE],
		    const uint8_t ref[RESUME_STORE_REF_SIZE])
{
	char hex[REF_HEX_SIZE];
	jam_resume_store_id_hex(hex, sizeof(hex), ref, RESUME_STORE_REF_SIZE);
	snprintf(key, sizeof(KEY_PREFIX "ref:") + REF_HEX_SIZE, KEY_PREFIX "ref:%s", hex);
}

chunk_t resume_store_reference_ticket(struct ike_sa *ike, shunk_t sealed,
				      realtime_t expiry, realtime_t now)
{
	struct logger *logger = ike->sa.logger;
	if (!resume_store_config()->by_reference || resume_store_config()->address == NULL) {
		return empty_chunk;
	}
	redisAsyncContext *ac = resume_store_link();
	if (ac == NULL) {
		stats.references_sealed_instead++;
		limited_llog(logger, UNSECURED_LOG_LIMITER,
			     "session resumption store: the store is %s; sending the sealed ticket instead of a reference",
			     resume_store_link_state());
		return empty_chunk;
	}
	struct resume_keyring *keyring = resume_gateway_keyring();
	const struct resume_key *key = (keyring == NULL ? NULL :
					resume_keyring_advance_to_sealing_key(keyring, now, logger));
	if (key == NULL) {
		/* logged; the sealed ticket can not be made either */
		return empty_chunk;
	}

	uint8_t plaintext[RESUME_STORE_REF_MAGIC_SIZE + RESUME_STORE_REF_SIZE];
	memcpy(plaintext, RESUME_STORE_REF_MAGIC, RESUME_STORE_REF_MAGIC_SIZE);
	uint8_t *ref = plaintext + RESUME_STORE_REF_MAGIC_SIZE;
	get_rnd_bytes(ref, RESUME_STORE_REF_SIZE);
	chunk_t ticket = resume_ticket_seal(key->symkey, key->id,
					    shunk2(plaintext, sizeof(plaintext)), logger);
	if (ticket.len == 0) {
		/* logged */
		return empty_chunk;
	}
	if (!PEXPECT(logger, ticket.len == RESUME_STORE_REF_TICKET_SIZE)) {
		free_chunk_content(&ticket);
		return empty_chunk;
	}

	struct issue_request *req = alloc_thing(struct issue_request, "resume store reference write");
	ref_key(req->key_ref, ref);
	jam_resume_store_id_hex(req->hex, sizeof(req->hex), ref, RESUME_STORE_REF_SIZE);
	char key_peer[RESUME_STORE_PEER_KEY_SIZE];
	id_buf idb;
	/* the peer's ID as ipsec status shows it, as revocations name it */
	if (!resume_store_peer_key(key_peer, sizeof(key_peer),
				   str_id(&ike->sa.st_connection->remote->host.id, &idb))) {
		pfree(req);
		free_chunk_content(&ticket);
		return empty_chunk;
	}
	/* resume_store_peer_key() names the revocation: the same hash, another name */
	const char *hash = strrchr(key_peer, ':');
	snprintf(req->key_peer_refs, sizeof(req->key_peer_refs), KEY_PREFIX "peer-refs%s", hash);
	uint8_t ticket_id[RESUME_TICKET_ID_SIZE];
	resume_ticket_id_of(ike, ticket_id);
	char id_hex[2 * RESUME_TICKET_ID_SIZE + 1];
	jam_resume_store_id_hex(id_hex, sizeof(id_hex), ticket_id, sizeof(ticket_id));
	snprintf(req->key_ticket, sizeof(req->key_ticket), KEY_PREFIX "ticket-ref:%s", id_hex);
	intmax_t life_ms = milliseconds_from_deltatime(realtime_diff(expiry, now));
	snprintf(req->life, sizeof(req->life), "%jd", (life_ms < 1000 ? 1000 : life_ms));
	req->sealed = clone_hunk(sealed, "resume store sealed ticket");

	if (send_issue(ac, req) != REDIS_OK) {
		free_issue_request(&req);
		stats.references_sealed_instead++;
		llog(RC_LOG, logger,
		     "session resumption store: the reference could not be queued; sending the sealed ticket");
		free_chunk_content(&ticket);
		return empty_chunk;
	}
	stats.references_issued++;
	/* not the reference: a log reader could spend it first */
	ldbg(logger, "session resumption store: the sealed ticket (%zu octets) is in the store; sending a reference (%zu)",
	     sealed.len, ticket.len);
	return ticket;
}

static unsigned refuse(struct ike_sa *ike, enum resume_reject_reason reason)
{
	return resume_store_refuse(reason, "a reference", ike->sa.logger);
}

unsigned resume_store_open_reference(struct ike_sa *ike, struct msg_digest *md,
				     shunk_t ticket, resume_store_ref_cb *cb)
{
	if (resume_store_config()->address == NULL ||
	    ticket.len != RESUME_STORE_REF_TICKET_SIZE) {
		/* a ticket of state, or junk: the codec says which */
		return RESUME_REJECT_NONE;
	}
	/* as resume_keyring_open_ticket() does: no crypto for junk */
	struct resume_ticket_header header;
	enum resume_ticket_status status = resume_ticket_parse_header(ticket, &header);
	if (status != RESUME_TICKET_OK) {
		return refuse(ike, resume_reject_reason_of(status));
	}
	const struct resume_keyring *keyring = resume_gateway_keyring();
	if (keyring == NULL) {
		return refuse(ike, RESUME_REJECT_NO_KEYS);
	}
	const struct resume_key *key = resume_keyring_find(keyring, header.key_id, realnow());
	if (key == NULL) {
		return refuse(ike, resume_reject_reason_of(RESUME_TICKET_UNKNOWN_KEY));
	}
	chunk_t plaintext;
	status = resume_ticket_open(key->symkey, ticket, &plaintext);
	if (status != RESUME_TICKET_OK) {
		/* forged or altered: no round trip */
		return refuse(ike, resume_reject_reason_of(status));
	}
	bool is_ref = (plaintext.len == RESUME_STORE_REF_MAGIC_SIZE + RESUME_STORE_REF_SIZE &&
		       memeq(plaintext.ptr, RESUME_STORE_REF_MAGIC, RESUME_STORE_REF_MAGIC_SIZE));
	char key_ref[sizeof(KEY_PREFIX "ref:") + REF_HEX_SIZE];
	if (is_ref) {
		ref_key(key_ref, plaintext.ptr + RESUME_STORE_REF_MAGIC_SIZE);
	}
	free_resume_ticket_plaintext(&plaintext);
	if (!is_ref) {
		return refuse(ike, resume_reject_reason_of(RESUME_TICKET_MALFORMED_TLV));
	}
	return resume_store_take_reference(ike, md, key_ref, cb);
}
