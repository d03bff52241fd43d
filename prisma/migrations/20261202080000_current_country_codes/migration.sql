-- Countries imported from ClinicalTrials.gov before the name-to-code mapping used the list of current
-- ISO 3166-1 codes were stored under withdrawn codes that share a country's English name: Germany as
-- DD, Vietnam as VD, Serbia as CS, Curaçao as AN, Myanmar as BU, Vanuatu as NH, Yemen as YD, Zimbabwe
-- as RH. Store them under their current codes.

CREATE TEMPORARY TABLE "_country_fix" ("old" TEXT PRIMARY KEY, "new" TEXT NOT NULL);
INSERT INTO "_country_fix" VALUES ('DD', 'DE'), ('VD', 'VN'), ('CS', 'RS'), ('AN', 'CW'), ('BU', 'MM'), ('NH', 'VU'), ('YD', 'YE'), ('RH', 'ZW');

-- A site recorded under both codes is one site: the one under the withdrawn code goes.
DELETE FROM "TrialSite" s USING "_country_fix" f
WHERE s."country" = f."old"
  AND EXISTS (SELECT 1 FROM "TrialSite" t WHERE t."trialId" = s."trialId" AND t."country" = f."new" AND t."facility" = s."facility");

UPDATE "TrialSite" s SET "country" = f."new" FROM "_country_fix" f WHERE s."country" = f."old";
UPDATE "AccrualUpdate" a SET "country" = f."new" FROM "_country_fix" f WHERE a."country" = f."old";

DROP TABLE "_country_fix";
