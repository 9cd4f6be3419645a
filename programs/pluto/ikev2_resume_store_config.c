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
 * The store's configuration (config setup's session-resumption-store*
 * options), its address parsed, and the credentials read from their
 * root-only file.  The credentials are never logged and are wiped when
 * freed.  The connection that uses them is ikev2_resume_store_link.c's.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <arpa/inet.h>

#include "defs.h"
#include "ikev2_resume_wipe.h"
#include "ikev2_resume_store.h"
#include "ikev2_resume_store_config.h"

#define MAX_CREDENTIALS		512

static struct resume_store_config config = {
	.timeout = { .dt = { .tv_usec = RESUME_STORE_DEFAULT_TIMEOUT_MS * 1000, }, .is_set = true, },
	.failure = RESUME_STORE_FAIL_CLOSED,
};

static struct resume_store_endpoint endpoint;

const struct resume_store_config *resume_store_config(void)
{
	return &config;
}

void set_resume_store_config(const struct resume_store_config *new)
{
	pfreeany(config.address);
	pfreeany(config.credentials);
	config = *new;
	config.address = clone_str(new->address, "resume store address");
	config.credentials = clone_str(new->credentials, "resume store credentials");
}

const struct resume_store_endpoint *resume_store_endpoint(void)
{
	return &endpoint;
}

/* "redis://ADDR[:PORT][/DB]", "redis://[ADDR6][:PORT][/DB]", "/SOCKET" */
const char *parse_resume_store_address(const char *address)
{
	if (address[0] == '/') {
		endpoint.unix_path = clone_str(address, "resume store socket");
		return NULL;
	}
	if (!startswith(address, "redis://")) {
		return "expecting redis://ADDRESS[:PORT][/DB] or the path of a unix socket";
	}
	const char *p = address + strlen("redis://");
	char host[INET6_ADDRSTRLEN + 1];
	size_t n;
	if (*p == '[') {
		p++;
		n = strcspn(p, "]");
		if (p[n] != ']') {
			return "an IPv6 address needs its closing ]";
		}
	} else {
		n = strcspn(p, ":/");
	}
	if (n == 0 || n >= sizeof(host)) {
		return "the address is missing or too long";
	}
	memcpy(host, p, n);
	host[n] = '\0';
	p += n + (*(p + n) == ']');
	unsigned char bytes[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, host, bytes) != 1 && inet_pton(AF_INET6, host, bytes) != 1) {
		/* hiredis would resolve a name with a blocking lookup */
		return "the host must be a numeric IP address (a name would be looked up blocking the event loop)";
	}
	unsigned long port = 6379, db = 0;
	char *end;
	if (*p == ':') {
		errno = 0;
		port = strtoul(p + 1, &end, 10);
		if (errno != 0 || end == p + 1 || port == 0 || port > 65535) {
			return "the port is not a number from 1 to 65535";
		}
		p = end;
	}
	if (*p == '/') {
		errno = 0;
		db = strtoul(p + 1, &end, 10);
		if (errno != 0 || end == p + 1 || db > 1000000) {
			return "the database is not a number";
		}
		p = end;
	}
	if (*p != '\0') {
		return "unexpected text after the address";
	}
	endpoint.ip = clone_str(host, "resume store ip");
	endpoint.port = port;
	endpoint.db = db;
	return NULL;
}

/* "USER PASSWORD" or "PASSWORD"; NULL, or why not (never the content) */
const char *read_resume_store_credentials(const char *file)
{
	FILE *f = fopen(file, "r");
	if (f == NULL) {
		return strerror(errno);
	}
	struct stat st;
	if (fstat(fileno(f), &st) != 0) {
		fclose(f);
		return strerror(errno);
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		fclose(f);
		return "it is readable or writable by group or others (chmod 600 it)";
	}
	if (st.st_uid != geteuid()) {
		fclose(f);
		return "it is not owned by the user pluto runs as (root)";
	}
	char line[MAX_CREDENTIALS];
	bool got = (fgets(line, sizeof(line), f) != NULL);
	fclose(f);
	if (!got) {
		return "it is empty";
	}
	line[strcspn(line, "\r\n")] = '\0';
	char *space = strchr(line, ' ');
	const char *why = NULL;
	if (line[0] == '\0') {
		why = "it is empty";
	} else if (space == NULL) {
		endpoint.password = clone_str(line, "resume store password");
	} else {
		*space = '\0';
		if (line[0] == '\0' || space[1] == '\0' || strchr(space + 1, ' ') != NULL) {
			why = "expecting one line: USER PASSWORD";
		} else {
			endpoint.user = clone_str(line, "resume store user");
			endpoint.password = clone_str(space + 1, "resume store password");
		}
	}
	wipe_secret_thing(line);
	return why;
}

static void free_secret_str(char **s)
{
	if (*s != NULL) {
		wipe_secret_bytes(*s, strlen(*s));
		pfree(*s);
		*s = NULL;
	}
}

void free_resume_store_config(void)
{
	pfreeany(endpoint.unix_path);
	pfreeany(endpoint.ip);
	free_secret_str(&endpoint.user);
	free_secret_str(&endpoint.password);
	pfreeany(config.address);
	pfreeany(config.credentials);
}
