/* IKEv2 session resumption (RFC 5723): a cluster's shared store on Redis, for libreswan
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
 * Revocations shared with every member of the cluster: a ticket's
 * (ipsec down, whack --deleteid) and a peer's (--revoke-resume-id).
 * Each is also in the member's own revocation file, which enforces it
 * there with or without a store.
 *
 * A revocation made while there is no connection, or whose request the
 * connection lost before the store answered, waits in a bounded queue
 * (MAX_QUEUED_REVOCATIONS, oldest first) and is sent again as soon as
 * the link connects, with the TTL it has left; one whose TTL ran out
 * meanwhile can refuse nothing any more and is dropped (counted).  An
 * error answer (NOPERM, OOM, ...) is not retried: it would be refused
 * again; it is logged and counted.
 *
 * A peer's revocation holds its time: a member that re-sends an old one
 * must not replace a newer one another member wrote meanwhile, so it is
 * written by a script that keeps the later time.
 */

#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <hiredis/async.h>

#include "defs.h"
#include "log.h"
#include "ikev2_resume_store_link.h"

#define KEY_PREFIX	RESUME_STORE_KEY_PREFIX
/* about 200 bytes each: a member revoking a whole office while Redis is out */
#define MAX_QUEUED_REVOCATIONS	1024

/*
 * KEYS: the revoked-peer key, the peer's references; ARGV: the
 * revocation's time (s), TTL (ms), the prefix of a reference's key.
 * Tickets by reference (ikev2_resume_store_ref.h) are deleted: a
 * reference is refused as unknown from then on.
 */
static const char peer_script[] =
	"for _, m in ipairs(redis.call('SMEMBERS', KEYS[2])) do "
	"redis.call('DEL', ARGV[3] .. m) end "
	"redis.call('DEL', KEYS[2]) "
	"local r = tonumber(redis.call('GET', KEYS[1])) "
	"if r and r >= tonumber(ARGV[1]) then return redis.status_reply('OK') end "
	"return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])";

/* KEYS: the revoked-ticket key, the ticket's reference; ARGV: member, TTL, prefix */
static const char ticket_script[] =
	"local m = redis.call('GET', KEYS[2]) "
	"if m then redis.call('DEL', ARGV[3] .. m, KEYS[2]) end "
	"return redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])";

struct revocation {
	struct revocation *next;
	char *key;
	char *refs;		/* the key naming its tickets by reference */
	char *value;
	bool peer;		/* keep the later time */
	realtime_t expires;	/* its TTL ends */
	bool resent;
};

static struct {
	struct revocation *head;
	struct revocation **tail;
	unsigned len;
} queue = { .tail = &queue.head, };

#define stats resume_store_stats

unsigned queued_v2_resume_store_revocations(void)
{
	return queue.len;
}

static void free_revocation(struct revocation **r)
{
	pfreeany((*r)->key);
	pfreeany((*r)->refs);
	pfreeany((*r)->value);
	pfree(*r);
	*r = NULL;
}

static struct revocation *dequeue(void)
{
	struct revocation *r = queue.head;
	if (r != NULL) {
		queue.head = r->next;
		if (queue.head == NULL) {
			queue.tail = &queue.head;
		}
		r->next = NULL;
		queue.len--;
	}
	return r;
}

/* R is kept for the next connection (true), or dropped when there is no room */
static bool enqueue(struct revocation *r, struct logger *logger)
{
	if (queue.len >= MAX_QUEUED_REVOCATIONS) {
		stats.revocation_failures++;
		llog(RC_LOG, logger,
		     "session resumption store: %u revocations already wait for the store; this one is not shared with the cluster; only this member enforces it",
		     queue.len);
		free_revocation(&r);
		return false;
	}
	r->next = NULL;
	*queue.tail = r;
	queue.tail = &r->next;
	queue.len++;
	stats.revocations_queued++;
	return true;
}

void free_queued_v2_resume_store_revocations(void)
{
	for (struct revocation *r = dequeue(); r != NULL; r = dequeue()) {
		free_revocation(&r);
	}
}

static void revocation_reply(redisAsyncContext *ac UNUSED, void *reply_, void *privdata)
{
	struct revocation *r = privdata;
	const redisReply *reply = reply_;
	if (resume_store_stopping()) {
		free_revocation(&r);
		return;
	}
	if (reply == NULL) {
		/* the connection went before the answer: send it again */
		ldbg(&global_logger, "session resumption store: a revocation lost its connection; queued again");
		enqueue(r, &global_logger);
		return;
	}
	if (reply->type != REDIS_REPLY_STATUS || !streq(reply->str, "OK")) {
		stats.revocation_failures++;
		LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
			jam_string(buf, "session resumption store: a revocation was not shared with the cluster (");
			if (reply->type == REDIS_REPLY_ERROR) {
				jam_resume_store_words(buf, reply->str, reply->len);
			} else {
				jam_string(buf, "unexpected answer");
			}
			jam_string(buf, "); this member still enforces it");
		}
	}
	free_revocation(&r);
}

/* false: not sent, R is still the caller's; true: sent or expired */
static bool send_revocation(redisAsyncContext *ac, struct revocation **r)
{
	intmax_t ms = milliseconds_from_deltatime(realtime_diff((*r)->expires, realnow()));
	if (ms <= 0) {
		stats.revocations_expired++;
		free_revocation(r);
		return true;
	}
	char px[32];
	snprintf(px, sizeof(px), "%jd", (ms < 1000 ? 1000 : ms));
	const char *argv[] = {
		"EVAL", ((*r)->peer ? peer_script : ticket_script), "2",
		(*r)->key, (*r)->refs, (*r)->value, px, KEY_PREFIX "ref:",
	};
	int status = redisAsyncCommandArgv(ac, revocation_reply, *r, elemsof(argv), argv, NULL);
	if (status != REDIS_OK) {
		return false;
	}
	if ((*r)->resent) {
		stats.revocations_resent++;
	} else {
		stats.revocations++;
	}
	/* hiredis has it now, and hands it to revocation_reply() */
	*r = NULL;
	return true;
}

void resend_queued_v2_resume_store_revocations(redisAsyncContext *ac,
					       struct logger *logger)
{
	unsigned n = queue.len;
	if (n == 0) {
		return;
	}
	unsigned long resent = stats.revocations_resent;
	unsigned long expired = stats.revocations_expired;
	/* only those queued now: a failure below queues again */
	for (unsigned i = 0; i < n; i++) {
		struct revocation *r = dequeue();
		r->resent = true;
		if (!send_revocation(ac, &r)) {
			enqueue(r, logger);
		}
	}
	llog(RC_LOG, logger,
	     "session resumption store: re-sent %lu revocations made while the store was out (%lu expired meanwhile, %u still queued)",
	     stats.revocations_resent - resent, stats.revocations_expired - expired,
	     queue.len);
}

static void share_revocation(const char *key, const char *refs, const char *value,
			     bool peer, deltatime_t ttl, struct logger *logger)
{
	if (resume_store_config()->address == NULL) {
		return;
	}
	struct revocation *r = alloc_thing(struct revocation, "resume store revocation");
	r->key = clone_str(key, "resume store revocation key");
	r->refs = clone_str(refs, "resume store revocation refs");
	r->value = clone_str(value, "resume store revocation value");
	r->peer = peer;
	r->expires = realtime_add(realnow(), ttl);
	redisAsyncContext *ac = resume_store_link();
	if (ac != NULL && send_revocation(ac, &r)) {
		/* not the key: a ticket's names the ticket */
		ldbg(logger, "session resumption store: shared the revocation of a %s",
		     (peer ? "peer" : "ticket"));
		return;
	}
	if (enqueue(r, logger)) {
		llog(RC_LOG, logger,
		     "session resumption store: the store is %s: this revocation waits for it (%u queued) and is shared when it is back; until then only this member enforces it",
		     resume_store_link_state(), queue.len);
	}
}

void resume_store_revoke_ticket(const uint8_t ticket_id[RESUME_TICKET_ID_SIZE],
				deltatime_t ttl, struct logger *logger)
{
	char hex[2 * RESUME_TICKET_ID_SIZE + 1];
	jam_resume_store_id_hex(hex, sizeof(hex), ticket_id, RESUME_TICKET_ID_SIZE);
	char key[sizeof(KEY_PREFIX "revoked-ticket:") + sizeof(hex)];
	snprintf(key, sizeof(key), KEY_PREFIX "revoked-ticket:%s", hex);
	char refs[sizeof(KEY_PREFIX "ticket-ref:") + sizeof(hex)];
	snprintf(refs, sizeof(refs), KEY_PREFIX "ticket-ref:%s", hex);
	share_revocation(key, refs, resume_store_member(), false, ttl, logger);
}

void resume_store_revoke_peer(const char *peer, realtime_t when,
			      deltatime_t ttl, struct logger *logger)
{
	char key[RESUME_STORE_PEER_KEY_SIZE];
	if (!resume_store_peer_key(key, sizeof(key), peer)) {
		stats.revocation_failures++;
		llog(RC_LOG, logger,
		     "session resumption store: hashing the peer ID failed; this revocation is not shared");
		return;
	}
	/* the same hash names the peer's tickets by reference */
	char refs[RESUME_STORE_PEER_KEY_SIZE];
	snprintf(refs, sizeof(refs), KEY_PREFIX "peer-refs%s", strrchr(key, ':'));
	char value[32];
	snprintf(value, sizeof(value), "%jd", (intmax_t)when.rt.tv_sec);
	/* the TTL counts from the revocation's time */
	deltatime_t left = realtime_diff(realtime_add(when, ttl), realnow());
	share_revocation(key, refs, value, true, left, logger);
}
