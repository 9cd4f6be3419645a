/* IKEv2 session resumption (RFC 5723): the cluster store's link to Redis, for libreswan
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
 * Inside the store only (ikev2_resume_store*.c).  The store is these
 * files, one concern each:
 *
 *   ikev2_resume_store_config.c  the configuration, the address, the
 *                                credentials (ikev2_resume_store_config.h)
 *   ikev2_resume_store_link.c    the one connection to Redis and its
 *                                back-off
 *   ikev2_resume_store_schema.c  what the store holds: key names, the
 *                                scripts (SCRIPT LOAD, EVALSHA)
 *   ikev2_resume_store.c         a resumption's question (one EVALSHA),
 *                                the answer, its timer; --resumestatus
 *   ikev2_resume_store_revoke.c  revocations, and the bounded queue of
 *                                those made while the store was out
 *
 * They share the counters below.
 */

#ifndef IKEV2_RESUME_STORE_LINK_H
#define IKEV2_RESUME_STORE_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikev2_resume_store.h"

struct redisAsyncContext;
struct jambuf;
struct logger;

#define RESUME_STORE_KEY_PREFIX	"ikev2-resume:"
/* the most of the store's own words (an error, hiredis' errstr) logged */
#define RESUME_STORE_MAX_WORDS	100

struct resume_store_stats {
	unsigned long requests;
	unsigned long accepted;
	unsigned long replayed;
	unsigned long revoked;
	unsigned long errors;
	unsigned long timeouts;
	unsigned long unavailable;	/* not connected when asked */
	unsigned long fallbacks;	/* the policy let the local cache decide */
	unsigned long late;		/* answers after their timeout */
	unsigned long revocations;	/* sent, first time */
	unsigned long revocation_failures;	/* not shared, ever */
	unsigned long revocations_queued;	/* kept to send once connected */
	unsigned long revocations_resent;	/* sent from the queue */
	unsigned long revocations_expired;	/* queued past their TTL */
	unsigned long reconnects;
	/* tickets by reference (ikev2_resume_store_ref.c) */
	unsigned long references_issued;	/* written, short ticket sent */
	unsigned long references_taken;		/* GETDEL found it */
	unsigned long references_unknown;	/* GETDEL found nothing */
	unsigned long references_sealed_instead;	/* no store: the sealed ticket sent */
	unsigned long references_issue_failures;	/* the write was refused */
	/* the scripts (EVALSHA): the check, a reference's write */
	unsigned long script_loads;		/* SCRIPT LOAD sent, a script a connection */
	unsigned long script_load_failures;	/* refused: EVAL with the text */
	unsigned long noscripts;		/* EVALSHA not known: sent again as EVAL */
	intmax_t last_us;
	intmax_t max_us;
	intmax_t sum_us;
	unsigned long answered;
};

extern struct resume_store_stats resume_store_stats;

/* the connection to send on, or NULL when there is none (yet) */
struct redisAsyncContext *resume_store_link(void);
bool resume_store_stopping(void);
/* "down", "connecting", "connected"; and why it is not connected, or NULL */
const char *resume_store_link_state(void);
const char *resume_store_link_why_down(void);
/* host/pid, the value of the keys this member writes */
const char *resume_store_member(void);

/* a request was answered; one went unanswered in time */
void resume_store_link_answered(void);
void resume_store_link_unanswered(struct logger *logger);

/* the store's own words, printable (jam_sanitized_bytes()) and bounded */
void jam_resume_store_words(struct jambuf *buf, const char *words, size_t len);

/* ikev2_resume_store_schema.c: key names.  LEN bytes as 2*LEN lower-case hex
 * digits (SIZE >= 2*LEN+1); ikev2-resume:revoked-peer:<SHA-256 of the
 * ID as ipsec status shows it>, KEY holds RESUME_STORE_PEER_KEY_SIZE */
#define RESUME_STORE_PEER_KEY_SIZE	(sizeof(RESUME_STORE_KEY_PREFIX "revoked-peer:") + 64)
void jam_resume_store_id_hex(char *out, size_t size, const uint8_t *bytes, size_t len);
bool resume_store_peer_key(char *key, size_t size, const char *peer);

/* ikev2_resume_store.c: refuse a ticket for REASON, counted and logged with WHOSE */
enum resume_reject_reason resume_store_refuse(enum resume_reject_reason reason,
					       const char *whose, struct logger *logger);

/* ikev2_resume_store_schema.c: the store's scripts */
enum resume_store_script {
	RESUME_STORE_CHECK_SCRIPT,	/* a sealed ticket's check */
#ifdef USE_RESUME_STORE_REF
	RESUME_STORE_ISSUE_SCRIPT,	/* a reference's write */
#endif
	RESUME_STORE_SCRIPT_ROOF,
};
/* queue SCRIPT LOAD of each script this member calls, on a new connection */
void load_v2_resume_store_scripts(struct redisAsyncContext *ac);
/* the call's first two words: EVALSHA and the SHA-1 once loaded (true),
 * or EVAL and the text (false) */
bool resume_store_script_call(enum resume_store_script which, const char *call[2]);
/* an EVALSHA's answer NOSCRIPT: the store forgot the scripts */
struct redisReply;
bool resume_store_noscript(const struct redisReply *reply);

/* ikev2_resume_store_revoke.c: once connected; at stop */
void resend_queued_v2_resume_store_revocations(struct redisAsyncContext *ac,
					       struct logger *logger);
void free_queued_v2_resume_store_revocations(void);
unsigned queued_v2_resume_store_revocations(void);

#endif
