"""People across meetings: group the name variants of one person, conservatively.

Minutes print the same person as "Cllr Rachel Bailey", "Councillor R Bailey" and "Rachel
Bailey". To count attendance per person, each attendee row gets a `person_id` built from:

- the authority of its meeting (as printed; the document when the authority is unknown):
  people are never grouped across authorities;
- the surname: the last word of the name, compared case- and accent-insensitively;
- the first name: a full first name is compared as a whole ("Rachel" matches "Rachel" only,
  never "Rachael" or "Rebecca"); an initial ("R", "R.", "RJ") joins the full first name with
  that initial under the same authority and surname only when there is exactly one such name;
  otherwise it stays a person of its own, keyed by its initials.

Honorifics, text in brackets and anything after a comma are ignored. Middle names and
middle initials are ignored once a full first name is known. The SQL is a view, so it is
always in step with the attendees table and works on read-only databases.
"""

from __future__ import annotations

HONORIFICS = (
    "councillor|cllr|mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|revd|reverend|inspector"
)

# One row per attendee row: its name cleaned, and the person_id it is grouped under.
ATTENDEE_PERSON_SQL = rf"""
WITH cleaned AS (
    SELECT a.attendee_id,
           coalesce(lower(trim(m.authority)), 'document ' || left(a.document_id, 16))
               AS authority_key,
           trim(regexp_replace(
               split_part(regexp_replace(replace(a.name, '’', ''''), '\(.*?\)', ' ', 'g'), ',', 1),
               '^\s*(({HONORIFICS})\.?\s+)+', '', 'i')) AS clean_name
    FROM attendees a
    LEFT JOIN meetings m ON m.meeting_id = a.meeting_id
),
tokens AS (
    SELECT attendee_id, authority_key, clean_name,
           list_filter(string_split_regex(clean_name, '[\s.]+'), lambda t: t <> '') AS words
    FROM cleaned
),
parts AS (
    SELECT attendee_id, authority_key, clean_name,
           lower(strip_accents(words[-1])) AS surname,
           list_slice(words, 1, len(words) - 1) AS given,
           -- "R", or "RJ" in a name that also has lower-case letters, are initials
           list_transform(list_slice(words, 1, len(words) - 1), lambda t:
               length(t) = 1
               OR (regexp_full_match(t, '[A-Z]{{2,3}}') AND regexp_matches(clean_name, '[a-z]'))
           ) AS is_initials
    FROM tokens
    WHERE len(words) > 0
),
keys AS (
    SELECT attendee_id, authority_key, clean_name, surname,
           CASE WHEN len(given) = 0 THEN NULL
                WHEN is_initials[1] THEN NULL
                ELSE lower(strip_accents(given[1])) END AS first_name,
           coalesce(lower(strip_accents(list_aggregate(
               list_transform(list_zip(given, is_initials), lambda g:
                   CASE WHEN g[2] THEN g[1] ELSE left(g[1], 1) END),
               'string_agg', ''))), '') AS initials
    FROM parts
),
anchors AS (
    SELECT authority_key, surname, left(first_name, 1) AS initial,
           min(first_name) AS first_name, count(DISTINCT first_name) AS n_names
    FROM keys
    WHERE first_name IS NOT NULL
    GROUP BY ALL
)
SELECT k.attendee_id, k.clean_name, k.first_name IS NOT NULL AS has_first_name,
       k.authority_key || '/' || k.surname || '/' ||
       CASE WHEN k.first_name IS NOT NULL THEN k.first_name
            WHEN a.n_names = 1 THEN a.first_name
            ELSE k.initials END AS person_id
FROM keys k
LEFT JOIN anchors a
  ON a.authority_key = k.authority_key AND a.surname = k.surname
 AND a.initial = left(k.initials, 1)
"""
