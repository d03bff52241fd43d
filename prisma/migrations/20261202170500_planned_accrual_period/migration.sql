-- The planned accrual period of a proposal: months from the first site opening to the last patient.
ALTER TABLE "Proposal" ADD COLUMN "plannedAccrualMonths" INTEGER;
