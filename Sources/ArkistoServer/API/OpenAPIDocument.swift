/// The API's description, served at `/openapi.yaml`.
enum OpenAPIDocument {
    static let yaml = """
        openapi: 3.1.0
        info:
          title: Arkisto API
          version: "1"
          description: |
            Search and read a Finnish operator's archived customer-service interactions (e-mail,
            helpdesk messages, calls); inspection requests (GDPR Art. 15), link reviews, the audit log
            and erasure for privacy officers; imports for admins.
            Every call needs `Authorization: Bearer TOKEN` (issued with `arkisto users token NAME`).
            No or an unknown token: 401. A role that may not: 403. Roles: agent (search, customers,
            interactions, complaints), privacy-officer (also inspections, reviews, audit, erasure),
            admin (also imports, sign-in locks, capture sources and /metrics). Every read of customer data is written to the audit log with the
            actor `api:NAME`. Errors are `{"error": "...", "status": N}`.
        servers:
          - url: /
        security:
          - bearer: []
        paths:
          /api/v1/search:
            get:
              summary: Search in the query language
              description: |
                Words, "phrases", prefix*, ="exact form", -excluded, OR, parentheses; fields subject:
                body: attachment: filename: from: to: customer: kind: is:complaint is:inspection
                has:attachment tag: date:. subject:, body: and attachment: limit a word, phrase, prefix or exact form
                (or a group: body:(lasku OR hyvitys)) to that part of the text (attachment: the
                attachments' names and text, forwarded messages included); filename: matches a word of
                an attachment's file name in any case, with or without diacritics (filename:pdf the
                extension, filename:lasku* a prefix, filename:(lasku OR sopimus) a group);
                from: and to: (to or cc) match a
                participant's address, @domain or the beginning of a name. A hit whose snippet comes
                from an attachment's text names it in snippet_attachment. Best matches first: a hit
                whose words stand only in the participants' names and addresses comes after every hit
                with them in the subject, body or attachment text, and has a negative score. The
                filters below are added to the query. A query that cannot be read is 400 with the
                position.
              parameters:
                - {name: q, in: query, schema: {type: string}}
                - {name: kind, in: query, schema: {type: string, enum: [email, support, ticket, call]}}
                - {name: from, in: query, description: first day (YYYY-MM-DD), schema: {type: string, format: date}}
                - {name: to, in: query, description: last day (YYYY-MM-DD), schema: {type: string, format: date}}
                - {name: complaint, in: query, description: "1: complaints only", schema: {type: string, enum: ["1", "true"]}}
                - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 200, default: 20}}
                - {name: offset, in: query, schema: {type: integer, minimum: 0, default: 0}}
              responses:
                "200":
                  description: Best matches first
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/SearchResults"}
                "400": {$ref: "#/components/responses/QueryError"}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /api/v1/customers/{id}:
            get:
              summary: A customer's profile, identifiers and timeline (exact links)
              parameters: [{$ref: "#/components/parameters/CustomerID"}]
              responses:
                "200":
                  description: The customer
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Customer"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/customers/{id}/erasure:
            post:
              summary: Erase a customer (GDPR Art. 17); privacy officer
              description: Refused (409) while the customer is on hold or has an open inspection case. Cannot be undone.
              parameters: [{$ref: "#/components/parameters/CustomerID"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [reason, confirm]
                      properties:
                        reason: {type: string}
                        confirm: {type: string, description: the customer's register id again}
                        dry_run: {type: boolean, default: false}
              responses:
                "200":
                  description: What was (or would be) removed and redacted
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Erasure"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/interactions/{id}:
            get:
              summary: One interaction in full (plain-text body), with its linked customers
              parameters: [{$ref: "#/components/parameters/InteractionID"}]
              responses:
                "200":
                  description: The interaction
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Interaction"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/interactions/{id}/attachments/{index}:
            get:
              summary: An e-mail attachment's bytes (always application/octet-stream, as an attachment)
              parameters:
                - {$ref: "#/components/parameters/InteractionID"}
                - {name: index, in: path, required: true, schema: {type: integer, minimum: 0}}
              responses:
                "200": {$ref: "#/components/responses/File"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/interactions/{id}/recording:
            get:
              summary: A call's recording, checked against its SHA-256
              parameters: [{$ref: "#/components/parameters/InteractionID"}]
              responses:
                "200": {$ref: "#/components/responses/File"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/interactions/{id}/transcript:
            get:
              summary: A call's WebVTT transcript, checked against its SHA-256
              parameters: [{$ref: "#/components/parameters/InteractionID"}]
              responses:
                "200": {$ref: "#/components/responses/File"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/complaints:
            get:
              summary: Complaints (reklamaatiot), newest first
              parameters:
                - {name: since, in: query, schema: {type: string, format: date}}
              responses:
                "200":
                  description: Complaints
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          total: {type: integer}
                          complaints: {type: array, items: {$ref: "#/components/schemas/InteractionSummary"}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /api/v1/inspections:
            get:
              summary: Inspection cases with due dates and overdue flags; privacy officer
              responses:
                "200":
                  description: Cases
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          cases: {type: array, items: {$ref: "#/components/schemas/Case"}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
            post:
              summary: Open a case (due one month after receipt)
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [customer]
                      properties:
                        customer: {type: string, description: register id, e-mail, phone or customer number}
                        received_on: {type: string, format: date, description: default today}
                        channel: {type: string, enum: [letter, email, web, phone], default: letter}
                        note: {type: string}
                        request_ref: {type: string, description: source reference of the archived request message}
              responses:
                "201":
                  description: The new case
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Case"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}:
            get:
              summary: One case
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              responses:
                "200": {$ref: "#/components/responses/Case"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}/verify:
            post:
              summary: The subject's identity has been verified
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              responses:
                "200": {$ref: "#/components/responses/Case"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}/extend:
            post:
              summary: Extend the period (two months at most in all), with the reason the subject is told
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [months, reason]
                      properties:
                        months: {type: integer, enum: [1, 2]}
                        reason: {type: string}
              responses:
                "200": {$ref: "#/components/responses/Case"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}/close:
            post:
              summary: Close a case as delivered (identity verified, report written, no pending review) or rejected (with a reason)
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [outcome]
                      properties:
                        outcome: {type: string, enum: [delivered, rejected]}
                        reason: {type: string}
              responses:
                "200": {$ref: "#/components/responses/Case"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}/report:
            post:
              summary: Write the case's report and download it as a tar (report.html, report.json, originals/ with manifest.json)
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              responses:
                "200": {$ref: "#/components/responses/File"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/inspections/{id}/reviews:
            get:
              summary: The case's weakly linked interactions awaiting (or past) review
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              responses:
                "200": {$ref: "#/components/responses/Reviews"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
            post:
              summary: Decide whether a weakly linked interaction goes into the report
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [source_ref, decision]
                      properties:
                        source_ref: {type: string}
                        decision: {type: string, enum: [include, exclude]}
              responses:
                "200": {$ref: "#/components/responses/Reviews"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
                "409": {$ref: "#/components/responses/Error"}
          /api/v1/audit:
            get:
              summary: The append-only audit log; privacy officer (the read itself is logged)
              parameters:
                - {name: customer, in: query, schema: {type: string}}
                - {name: since, in: query, schema: {type: string, format: date}}
              responses:
                "200":
                  description: Entries in the order written
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          total: {type: integer}
                          entries: {type: array, items: {$ref: "#/components/schemas/AuditEntry"}}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /api/v1/imports:
            post:
              summary: Start an import of files in the server's import folders; admin
              description: |
                Paths are absolute or relative to an import folder (`arkisto serve --import-dir`);
                a path outside the import folders, with a `..` part, or with a symbolic link
                leading out is refused (400) without saying whether it exists. The import runs in
                the background, one at a time: poll the job at its Location. Every import (and
                every refusal) is in the audit log. Errors never quote file content.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [source, paths]
                      properties:
                        source: {type: string, enum: [mail, helpdesk, calls, customers]}
                        paths: {type: array, items: {type: string}, description: paths inside the import folders}
              responses:
                "202":
                  description: Queued; `Location` is the job's URL
                  headers:
                    Location: {schema: {type: string}}
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/ImportJob"}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
            get:
              summary: Recent import jobs, newest first; admin
              responses:
                "200":
                  description: The jobs
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          jobs: {type: array, items: {$ref: "#/components/schemas/ImportJob"}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /api/v1/imports/{id}:
            get:
              summary: One import job's state, progress and result; admin
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses:
                "200":
                  description: The job
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/ImportJob"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "404": {$ref: "#/components/responses/Error"}
          /api/v1/sign-in-locks:
            get:
              summary: Accounts and client addresses locked out of signing in; admin
              responses:
                "200":
                  description: Locks in force
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          locks:
                            type: array
                            items:
                              type: object
                              properties:
                                kind: {type: string, enum: [account, address]}
                                name: {type: string}
                                failures: {type: integer}
                                locked_until: {type: string, format: date-time}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /api/v1/sign-in-locks/unlock:
            post:
              summary: Lift a sign-in lock (audited); admin
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [kind, name]
                      properties:
                        kind: {type: string, enum: [account, address]}
                        name: {type: string}
              responses:
                "200":
                  description: Unlocked
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          kind: {type: string}
                          name: {type: string}
                          was_locked: {type: boolean}
                "400": {$ref: "#/components/responses/Error"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /api/v1/sources:
            get:
              summary: The capture sources and how each is doing; admin
              description: |
                The sources configured with `arkisto sources add`, as `arkisto sources status --json`
                shows them. `failures` counts failed runs since the last success (the source is
                retried with back-off); `lag_seconds` is the age of the newest item archived;
                `items_per_minute` covers the last 10 minutes.
              responses:
                "200":
                  description: Every configured source
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          sources: {type: array, items: {$ref: "#/components/schemas/SourceStatus"}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /metrics:
            get:
              summary: Prometheus metrics (text exposition format 0.0.4)
              description: |
                For the scrape token of `arkisto serve --metrics-token-file` or an admin's API token,
                both as `Authorization: Bearer TOKEN`. No personal data: records archived, updated and
                quarantined per source (`arkisto_records_*_total{via, source}`), source failures, lag
                and last success (`arkisto_source_*`), search latency (`arkisto_search_duration_seconds`),
                sign-ins by outcome (`arkisto_sign_ins_total{outcome}`), `arkisto_capture_active`.
              responses:
                "200": {description: The metrics, content: {text/plain: {schema: {type: string}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
          /healthz:
            get:
              summary: Liveness (no sign-in)
              security: []
              responses:
                "200": {description: ok, content: {text/plain: {schema: {type: string}}}}
          /openapi.yaml:
            get:
              summary: This document (no sign-in)
              security: []
              responses:
                "200": {description: The OpenAPI document, content: {application/yaml: {schema: {type: string}}}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          parameters:
            CustomerID: {name: id, in: path, required: true, description: register id (C00017), schema: {type: string}}
            InteractionID: {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
            CaseID: {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
          responses:
            Error:
              description: An error
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Unauthorized:
              description: No or an unknown bearer token
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Forbidden:
              description: The user's role may not do this
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            QueryError:
              description: The query cannot be read
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      error: {type: string}
                      status: {type: integer}
                      position: {type: integer, description: 1-based character position}
                      query: {type: string}
            File:
              description: The file, to save (Content-Disposition attachment)
              content: {application/octet-stream: {schema: {type: string, format: binary}}}
            Case:
              description: The case
              content: {application/json: {schema: {$ref: "#/components/schemas/Case"}}}
            Reviews:
              description: The case's review list
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      reviews: {type: array, items: {$ref: "#/components/schemas/Review"}}
          schemas:
            ImportJob:
              type: object
              properties:
                id: {type: integer}
                source: {type: string, enum: [mail, helpdesk, calls, customers]}
                paths: {type: array, items: {type: string}}
                requested_by: {type: string}
                state: {type: string, enum: [queued, running, succeeded, failed]}
                created_at: {type: string, format: date-time}
                started_at: {type: string, format: date-time}
                finished_at: {type: string, format: date-time}
                progress:
                  type: object
                  description: records written so far
                  properties:
                    archived: {type: integer}
                    already_present: {type: integer}
                    updated: {type: integer, description: records that replaced a different stored record (a customer given again)}
                    quarantined: {type: integer}
                    percent: {type: integer, description: share of the input read (mail imports; 100 when done)}
                result:
                  type: object
                  description: when succeeded
                  properties:
                    source: {type: string}
                    archived: {type: integer}
                    already_present: {type: integer}
                    updated: {type: integer}
                    previously_removed: {type: integer}
                    quarantined: {type: integer}
                    complaints: {type: integer}
                    inspection_requests: {type: integer}
                    seconds: {type: number}
                error: {type: string, description: when failed; never quotes file content}
            Error:
              type: object
              properties:
                error: {type: string}
                status: {type: integer}
            SearchResults:
              type: object
              properties:
                query: {type: string, description: the query run, filters included}
                total: {type: integer}
                limit: {type: integer}
                offset: {type: integer}
                milliseconds: {type: number}
                results:
                  type: array
                  items:
                    type: object
                    properties:
                      interaction_id: {type: integer}
                      kind: {type: string, enum: [email, ticket, call]}
                      source_ref: {type: string}
                      occurred_at: {type: [string, "null"], format: date-time}
                      subject: {type: string}
                      participants: {type: string}
                      snippet: {type: string, description: "HTML-safe: the text escaped, matched words in <b></b>"}
                      snippet_attachment: {type: string, description: "The attachment whose text the snippet comes from; absent when it is the subject, body or participants"}
                      score: {type: number, description: "Higher is better; negative when the words stand only in the participants"}
                      customers:
                        type: array
                        items: {type: object, properties: {id: {type: string}, name: {type: string}}}
            InteractionSummary:
              type: object
              properties:
                interaction_id: {type: integer}
                kind: {type: string, enum: [email, ticket, call]}
                source_ref: {type: string}
                occurred_at: {type: [string, "null"], format: date-time}
                subject: {type: string}
                direction: {type: string, enum: [inbound, outbound, unknown]}
                is_complaint: {type: boolean}
                is_inspection_request: {type: boolean}
            Customer:
              type: object
              properties:
                id: {type: string}
                kind: {type: string, enum: [person, company]}
                name: {type: string}
                address: {type: [string, "null"]}
                marketing_consent: {type: [boolean, "null"]}
                identifiers:
                  type: array
                  items: {type: object, properties: {kind: {type: string}, value: {type: [string, "null"]}}}
                interactions:
                  type: array
                  items:
                    allOf:
                      - {$ref: "#/components/schemas/InteractionSummary"}
                      - type: object
                        properties:
                          strength: {type: string, enum: [exact, weak]}
                          shared: {type: boolean}
                          evidence: {type: array, items: {type: object}}
            Interaction:
              allOf:
                - {$ref: "#/components/schemas/InteractionSummary"}
                - type: object
                  properties:
                    body: {type: string, description: plain text (an e-mail's HTML is never returned)}
                    participants:
                      type: array
                      items: {type: object, properties: {role: {type: string}, name: {type: [string, "null"]}, address: {type: string}}}
                    attachments:
                      type: array
                      items:
                        type: object
                        properties:
                          index: {type: integer}
                          filename: {type: [string, "null"]}
                          content_type: {type: string}
                          size: {type: integer}
                          sha256: {type: [string, "null"]}
                          download: {type: [string, "null"]}
                          text: {type: [string, "null"], description: the text read from the attachment (absent when none)}
                          text_source:
                            type: [string, "null"]
                            description: where the text came from
                            enum: [text, pdf, ocr, ooxml, odf, rtf, doc, message, tnef, zip, null]
                          problems: {type: array, items: {type: string}, description: "why (part of) it could not be read: 'file: what happened (reason)'"}
                    ticket: {type: [object, "null"]}
                    call: {type: [object, "null"]}
                    customers:
                      type: array
                      items:
                        type: object
                        properties: {id: {type: string}, name: {type: string}, strength: {type: string}, shared: {type: boolean}}
            Case:
              type: object
              properties:
                id: {type: integer}
                customer: {type: string}
                received_on: {type: string, format: date}
                due_on: {type: string, format: date}
                extension_months: {type: integer}
                extension_reason: {type: [string, "null"]}
                channel: {type: string}
                note: {type: [string, "null"]}
                status: {type: string, enum: [received, identity_verified, delivered, rejected]}
                status_reason: {type: [string, "null"]}
                overdue: {type: boolean}
                opened_at: {type: string, format: date-time}
                opened_by: {type: string}
                report_written_at: {type: [string, "null"], format: date-time}
                report_sha256: {type: [string, "null"]}
            Review:
              type: object
              properties:
                interaction_id: {type: integer}
                source_ref: {type: string}
                kind: {type: string}
                occurred_at: {type: [string, "null"]}
                subject: {type: string}
                basis: {type: string, enum: [weak_identifier, name]}
                decision: {type: string, enum: [pending, include, exclude]}
                evidence: {type: array, items: {type: object}}
            AuditEntry:
              type: object
              properties:
                id: {type: integer}
                at: {type: string, format: date-time}
                actor: {type: string, description: "web:NAME or api:NAME for the web app and the API"}
                action: {type: string}
                customers: {type: array, items: {type: string}}
                request: {type: string}
                result_count: {type: [integer, "null"]}
            SourceStatus:
              type: object
              properties:
                name: {type: string}
                kind: {type: string, enum: [maildir, imap, helpdesk, calls]}
                location: {type: string, description: "the folder, the CDR file or the imaps:// URL"}
                last_attempt_at: {type: [string, "null"], format: date-time}
                last_success_at: {type: [string, "null"], format: date-time}
                last_error: {type: [string, "null"]}
                last_error_at: {type: [string, "null"], format: date-time}
                failures: {type: integer}
                failing: {type: boolean}
                newest_item_at: {type: [string, "null"], format: date-time}
                lag_seconds: {type: [integer, "null"]}
                items_per_minute: {type: number}
                archived: {type: integer}
                updated: {type: integer}
                quarantined: {type: integer}
            Erasure:
              type: object
              properties:
                customer: {type: string}
                dry_run: {type: boolean}
                remove: {type: integer}
                redact: {type: integer}
                quarantined: {type: integer}
                counts: {type: [object, "null"]}

        """
}
