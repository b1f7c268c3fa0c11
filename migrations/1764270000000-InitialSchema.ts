import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The whole data model of the service. Invariants live in the database too:
 * CHECK constraints on enums and ranges, foreign keys, unique and partial unique indexes,
 * and triggers that make the audit trail append-only.
 */
export class InitialSchema1764270000000 implements MigrationInterface {
  name = 'InitialSchema1764270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
        org_role text NOT NULL CHECK (org_role IN ('admin', 'member')),
        executive boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash char(64) NOT NULL UNIQUE,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE policy_versions (
        version serial PRIMARY KEY,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id)
      )`);
    // every policy change is a new row: the history is the policy's audit trail
    await q.query(`
      CREATE TRIGGER policy_versions_no_update BEFORE UPDATE OR DELETE ON policy_versions
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`CREATE SEQUENCE case_reference_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        business_need text NOT NULL,
        quantity numeric(18, 4) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        estimated_budget numeric(20, 4) NOT NULL CHECK (estimated_budget >= 0),
        currency char(3) NOT NULL,
        needed_by date NOT NULL,
        category text NOT NULL,
        purchase_type text NOT NULL CHECK (purchase_type IN ('new_task', 'modified_rebuy', 'straight_rebuy')),
        profit_impact smallint NOT NULL CHECK (profit_impact BETWEEN 1 AND 5),
        supply_risk smallint NOT NULL CHECK (supply_risk BETWEEN 1 AND 5),
        previous_case_id uuid REFERENCES cases(id),
        stage text NOT NULL DEFAULT 'NEED' CHECK (stage IN
          ('NEED', 'SPECIFICATION', 'SHORTLISTING', 'NEGOTIATION', 'DECISION', 'APPROVAL', 'AWARDED', 'CANCELLED')),
        cancel_reason text,
        sole_source_justification text,
        shortlist_approved_at timestamptz,
        shortlist_approved_by uuid REFERENCES users(id),
        approval_chain jsonb,
        awarded_supplier_id uuid,
        awarded_amount numeric(20, 4),
        awarded_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (purchase_type = 'new_task' OR previous_case_id IS NOT NULL OR purchase_type = 'modified_rebuy'),
        CHECK (stage <> 'CANCELLED' OR cancel_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX cases_stage_idx ON cases (stage)`);

    await q.query(`
      CREATE TABLE case_members (
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['initiator', 'prescriber', 'buyer',
          'evaluator', 'gatekeeper', 'decider', 'approver']::text[]),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, user_id)
      )`);
    await q.query(`CREATE INDEX case_members_user_idx ON case_members (user_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        case_id uuid NOT NULL REFERENCES cases(id),
        seq integer NOT NULL CHECK (seq >= 1),
        actor_id uuid REFERENCES users(id),
        action text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    // append-only: the application can insert, never update or delete
    await q.query(`
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);

    await q.query(`
      CREATE TABLE specification_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        version integer NOT NULL CHECK (version >= 1),
        frozen_at timestamptz,
        description text NOT NULL DEFAULT '',
        deliverables text NOT NULL DEFAULT '',
        quantity numeric(18, 4),
        requirements jsonb NOT NULL DEFAULT '[]',
        criteria jsonb NOT NULL DEFAULT '[]',
        ahp jsonb,
        reason text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, version)
      )`);
    // at most one draft (unfrozen) version per case
    await q.query(`CREATE UNIQUE INDEX specification_one_draft ON specification_versions (case_id) WHERE frozen_at IS NULL`);

    await q.query(`
      CREATE TABLE suppliers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 300),
        tax_id text NOT NULL,
        tax_id_normalized text NOT NULL,
        country char(2) NOT NULL,
        categories text[] NOT NULL DEFAULT '{}',
        contacts jsonb NOT NULL DEFAULT '[]',
        certifications jsonb NOT NULL DEFAULT '[]',
        financial_risk numeric(5, 4) NOT NULL DEFAULT 0 CHECK (financial_risk BETWEEN 0 AND 1),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
        blocked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (country, tax_id_normalized),
        CHECK (status = 'active' OR blocked_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX suppliers_categories_idx ON suppliers USING gin (categories)`);

    await q.query(`
      CREATE TABLE performance_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        type text NOT NULL CHECK (type IN ('delivery', 'incident')),
        date date NOT NULL,
        on_time boolean,
        in_full boolean,
        severity text CHECK (severity IN ('minor', 'major', 'critical')),
        description text,
        case_id uuid REFERENCES cases(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((type = 'delivery' AND on_time IS NOT NULL AND in_full IS NOT NULL AND severity IS NULL)
            OR (type = 'incident' AND severity IS NOT NULL AND on_time IS NULL AND in_full IS NULL))
      )`);
    await q.query(`CREATE INDEX performance_events_supplier_idx ON performance_events (supplier_id, date)`);

    await q.query(`
      CREATE TABLE shortlist_entries (
        case_id uuid NOT NULL REFERENCES cases(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        status text NOT NULL CHECK (status IN ('shortlisted', 'excluded')),
        reason text,
        added_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, supplier_id),
        CHECK (status = 'shortlisted' OR reason IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE exchange_rates (
        case_id uuid NOT NULL REFERENCES cases(id),
        currency char(3) NOT NULL,
        rate numeric(24, 10) NOT NULL CHECK (rate > 0),
        set_by uuid NOT NULL REFERENCES users(id),
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, currency)
      )`);

    await q.query(`
      CREATE TABLE negotiation_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        number integer NOT NULL CHECK (number >= 1),
        deadline timestamptz NOT NULL,
        best_and_final boolean NOT NULL DEFAULT false,
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        opened_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, number)
      )`);
    await q.query(`CREATE UNIQUE INDEX negotiation_rounds_one_open ON negotiation_rounds (case_id) WHERE closed_at IS NULL`);

    await q.query(`
      CREATE TABLE round_participants (
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        eliminated_at timestamptz,
        eliminated_reason text,
        PRIMARY KEY (round_id, supplier_id)
      )`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES negotiation_rounds(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        revision integer NOT NULL CHECK (revision >= 1),
        is_current boolean NOT NULL DEFAULT true,
        total_price numeric(20, 4) NOT NULL CHECK (total_price > 0),
        currency char(3) NOT NULL,
        line_items jsonb,
        lead_time_days integer NOT NULL CHECK (lead_time_days >= 0),
        warranty_months integer NOT NULL CHECK (warranty_months >= 0),
        payment_days integer NOT NULL CHECK (payment_days >= 0),
        valid_until date NOT NULL,
        compliance jsonb NOT NULL DEFAULT '[]',
        criterion_values jsonb NOT NULL DEFAULT '[]',
        notes text,
        submitted_via text NOT NULL CHECK (submitted_via IN ('buyer', 'supplier')),
        submitted_by uuid REFERENCES users(id),
        specification_version integer NOT NULL,
        needs_reconfirmation boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, supplier_id, revision)
      )`);
    await q.query(`CREATE UNIQUE INDEX offers_one_current ON offers (round_id, supplier_id) WHERE is_current`);

    await q.query(`
      CREATE TABLE scores (
        case_id uuid NOT NULL REFERENCES cases(id),
        evaluator_id uuid NOT NULL REFERENCES users(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        criterion_id uuid NOT NULL,
        score numeric(4, 2) NOT NULL CHECK (score BETWEEN 0 AND 10),
        comment text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, evaluator_id, supplier_id, criterion_id)
      )`);

    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        supplier_id uuid NOT NULL REFERENCES suppliers(id),
        justification text NOT NULL,
        override boolean NOT NULL,
        snapshot jsonb NOT NULL,
        snapshot_hash char(64) NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX decisions_one_current ON decisions (case_id) WHERE superseded_at IS NULL`);

    await q.query(`
      CREATE TABLE approvals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id),
        decision_id uuid NOT NULL REFERENCES decisions(id),
        approver_id uuid NOT NULL REFERENCES users(id),
        verdict text NOT NULL CHECK (verdict IN ('approve', 'reject')),
        comment text,
        return_to text CHECK (return_to IN ('DECISION', 'NEGOTIATION')),
        snapshot_hash char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        lapsed_at timestamptz,
        CHECK (verdict = 'approve' OR comment IS NOT NULL)
      )`);
    // one person counts once: one live approval per approver and decision
    await q.query(`CREATE UNIQUE INDEX approvals_one_live ON approvals (decision_id, approver_id) WHERE lapsed_at IS NULL`);

    await q.query(`
      CREATE TABLE reports (
        case_id uuid NOT NULL REFERENCES cases(id),
        lang text NOT NULL CHECK (lang IN ('en', 'es')),
        pdf bytea NOT NULL,
        sha256 char(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, lang)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reports', 'approvals', 'decisions', 'scores', 'offers', 'invitations', 'round_participants',
      'negotiation_rounds', 'exchange_rates', 'shortlist_entries', 'performance_events', 'suppliers',
      'specification_versions', 'audit_events', 'case_members', 'cases', 'policy_versions', 'api_tokens', 'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP SEQUENCE case_reference_seq`);
  }
}
