/* IKEv2 session resumption (RFC 5723): what the cluster's store holds, for libreswan
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
 * What the store holds and how it is asked: the key names (a ticket's
 * id in hex, a peer's ID hashed) and the scripts, each loaded once per
 * connection (SCRIPT LOAD, queued right after AUTH and SELECT, so that
 * its answer comes before any call's) and then called by its SHA-1
 * (EVALSHA) rather than sent with every request (EVAL): the check of a
 * sealed ticket and, with tickets by reference, the write of a
 * reference.  A store that forgot them (restarted behind a proxy,
 * SCRIPT FLUSH) answers NOSCRIPT: the caller sends its request again as
 * EVAL with the text and loads the scripts again.
 */

#include <stdio.h>
#include <string.h>

#include <hiredis/hiredis.h>
#include <hiredis/async.h>

#include <pk11pub.h>

#include "defs.h"
#include "log.h"
#include "ikev2_resume_store_link.h"

#define KEY_PREFIX	RESUME_STORE_KEY_PREFIX
#define stats resume_store_stats

/*
 * KEYS: used, revoked ticket, revoked peer; ARGV: member, remaining
 * life (ms), the peer's authentication time (s).  A revoked peer
 * record that is not a number refuses (fail closed).
 */
static const char check_script[] =
	"if redis.call('EXISTS', KEYS[2]) == 1 then return 'revoked' end "
	"local r = redis.call('GET', KEYS[3]) "
	"if r then local t = tonumber(r) "
	"if t == nil or t >= tonumber(ARGV[3]) then return 'revoked' end end "
	"if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'ok' end "
	"return 'replayed'";

#ifdef USE_RESUME_STORE_REF
/*
 * KEYS: the reference, the peer's references, the ticket's reference;
 * ARGV: the sealed ticket, its life (ms), the reference (hex), the
 * prefix of a reference's key.  A refresh (same IKE SA, same ticket
 * id) supersedes the reference it replaces: the client holds the new
 * one, and the old one, if sniffed, must not resume.  The peer's set
 * lives as long as its longest entry.  (ikev2_resume_store_ref.c)
 */
static const char issue_script[] =
	"local old = redis.call('GET', KEYS[3]) "
	"if old then redis.call('DEL', ARGV[4] .. old) redis.call('SREM', KEYS[2], old) end "
	"redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) "
	"redis.call('SADD', KEYS[2], ARGV[3]) "
	"if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[2]) then "
	"redis.call('PEXPIRE', KEYS[2], ARGV[2]) end "
	"redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[2]) "
	"return redis.status_reply('OK')";
#endif

/* SCRIPT LOAD's answer: 40 hex digits; "" until then (EVAL is sent) */
#define SCRIPT_SHA_SIZE	40

static struct store_script {
	const char *text;
	const char *callers;	/* who sends the text while it is not loaded */
	char sha[SCRIPT_SHA_SIZE + 1];
} scripts[RESUME_STORE_SCRIPT_ROOF] = {
	[RESUME_STORE_CHECK_SCRIPT] = {
		.text = check_script,
		.callers = "every check",
	},
#ifdef USE_RESUME_STORE_REF
	[RESUME_STORE_ISSUE_SCRIPT] = {
		.text = issue_script,
		.callers = "every reference's write",
	},
#endif
};

static void script_loaded(redisAsyncContext *ac UNUSED, void *r, void *privdata)
{
	struct store_script *script = privdata;
	const redisReply *reply = r;
	if (reply == NULL || resume_store_stopping()) {
		return;
	}
	if (reply->type == REDIS_REPLY_STRING && reply->len == SCRIPT_SHA_SIZE &&
	    strspn(reply->str, "0123456789abcdef") == SCRIPT_SHA_SIZE) {
		memcpy(script->sha, reply->str, SCRIPT_SHA_SIZE);
		script->sha[SCRIPT_SHA_SIZE] = '\0';
		ldbg(&global_logger, "session resumption store: script for %s loaded",
		     script->callers);
		return;
	}
	/* EVAL with the text keeps working; the store's words, bounded */
	stats.script_load_failures++;
	LLOG_JAMBUF(RC_LOG, &global_logger, buf) {
		jam_string(buf, "session resumption store: SCRIPT LOAD refused (");
		if (reply->type == REDIS_REPLY_ERROR) {
			jam_resume_store_words(buf, reply->str, reply->len);
		} else {
			jam(buf, "an answer of type %d", reply->type);
		}
		jam(buf, "); %s sends the script's text (EVAL)", script->callers);
	}
}

void load_v2_resume_store_scripts(struct redisAsyncContext *ac)
{
	for (unsigned i = 0; i < elemsof(scripts); i++) {
		struct store_script *script = &scripts[i];
		/* this connection's store may not know it: EVAL until it answers */
		script->sha[0] = '\0';
#ifdef USE_RESUME_STORE_REF
		if (i == RESUME_STORE_ISSUE_SCRIPT && !resume_store_config()->by_reference) {
			continue;
		}
#endif
		const char *argv[] = { "SCRIPT", "LOAD", script->text, };
		if (redisAsyncCommandArgv(ac, script_loaded, script,
					  elemsof(argv), argv, NULL) != REDIS_OK) {
			stats.script_load_failures++;
		}
		stats.script_loads++;
	}
}

bool resume_store_script_call(enum resume_store_script which, const char *call[2])
{
	passert(which < elemsof(scripts));
	const struct store_script *script = &scripts[which];
	if (script->sha[0] != '\0') {
		call[0] = "EVALSHA";
		call[1] = script->sha;
		return true;
	}
	call[0] = "EVAL";
	call[1] = script->text;
	return false;
}

bool resume_store_noscript(const struct redisReply *reply)
{
	return (reply != NULL && reply->type == REDIS_REPLY_ERROR &&
		reply->len >= strlen("NOSCRIPT") &&
		strneq(reply->str, "NOSCRIPT", strlen("NOSCRIPT")));
}

/*
 * LEN bytes as 2*LEN lower-case hex digits; OUT holds 2*LEN+1.  Not
 * jam_hex_bytes() into array_as_jambuf(): a jambuf filled to its last
 * byte marks itself truncated ("..."), and a key cut short names
 * another key (ikev2-resume-store-cluster-replay fails with it).
 */
void jam_resume_store_id_hex(char *out, size_t size, const uint8_t *bytes, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	passert(size >= 2 * len + 1);
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 0xf];
	}
	out[2 * len] = '\0';
}

/* ikev2-resume:revoked-peer:<SHA-256 of the ID as ipsec status shows it> */
bool resume_store_peer_key(char *key, size_t size, const char *peer)
{
	uint8_t digest[32];
	if (PK11_HashBuf(SEC_OID_SHA256, digest, (const unsigned char *)peer,
			 strlen(peer)) != SECSuccess) {
		return false;
	}
	char hex[2 * sizeof(digest) + 1];
	jam_resume_store_id_hex(hex, sizeof(hex), digest, sizeof(digest));
	snprintf(key, size, KEY_PREFIX "revoked-peer:%s", hex);
	return true;
}
