-- Ratings of queue tickets served without a case (issue 18 item 4, docs/floor.md): a request is
-- about a case (case id, number, matter) or about a ticket finished with no case (ticket id,
-- its number and business); the device shows the ticket's number and business in place of the
-- case number and matter. The requesting station records the tap as the ticket's rating entry
-- (renderer/src/data/ticketRatings.ts) instead of on a case. Nothing is deleted.

ALTER TABLE rating_requests ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE rating_requests ALTER COLUMN case_number DROP NOT NULL;
ALTER TABLE rating_requests ALTER COLUMN matter_name DROP NOT NULL;
ALTER TABLE rating_requests ADD COLUMN ticket_number text;
ALTER TABLE rating_requests ADD COLUMN business text;
ALTER TABLE rating_requests ADD CONSTRAINT rating_requests_subject CHECK (
  (case_id IS NOT NULL AND case_number IS NOT NULL AND matter_name IS NOT NULL)
  OR (case_id IS NULL AND ticket_id IS NOT NULL AND ticket_number IS NOT NULL AND business IS NOT NULL)
);
