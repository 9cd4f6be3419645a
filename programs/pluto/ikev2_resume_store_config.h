/* IKEv2 session resumption (RFC 5723): the cluster store's configuration, for libreswan
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
 * Inside the store only (ikev2_resume_store*.c): the address and the
 * credentials ikev2_resume_store_link.c connects with.
 */

#ifndef IKEV2_RESUME_STORE_CONFIG_H
#define IKEV2_RESUME_STORE_CONFIG_H

/* config setup's address, parsed; the credentials, never logged */
struct resume_store_endpoint {
	char *unix_path;	/* or */
	char *ip;
	int port;
	unsigned db;
	char *user;		/* NULL: AUTH PASSWORD (the default user) */
	char *password;		/* NULL: no AUTH */
};

const struct resume_store_endpoint *resume_store_endpoint(void);

/*
 * "redis://ADDR[:PORT][/DB]", "redis://[ADDR6][:PORT][/DB]" or
 * "/SOCKET" into the endpoint; NULL, or why not (a static string)
 */
const char *parse_resume_store_address(const char *address);
/* "USER PASSWORD" or "PASSWORD" from a root-only FILE; NULL, or why not (never the content) */
const char *read_resume_store_credentials(const char *file);
/* at stop: the endpoint (the credentials wiped) and the configuration */
void free_resume_store_config(void);

#endif
