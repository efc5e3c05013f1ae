-- One field written back as a CSV file holds it: blank for NULL, in double quotes (quotes doubled) when it
-- holds a comma, a quote or a line break, as it is otherwise.
CREATE OR REPLACE MACRO intermediate.csv_field(field) AS
    CASE WHEN contains(field, ',') OR contains(field, '"') OR contains(field, chr(10)) OR contains(field, chr(13))
         THEN '"' || replace(field, '"', '""') || '"'
         ELSE coalesce(field, '') END;
