/** Public ids: prefixed ids (ses_..., spt_...) and plain UUIDs, read and written one way, for paths and inputs. */
package dev.sessionledger.commons.ids;
