import { type PurchaseType, SHORTLIST_MINIMUM, type Stage, STAGES } from '../../domain/lifecycle/stages';
import { DECLARING_ROLES } from '../../domain/approval/declarations';
import { ApiClient } from './api-client';
import {
  type ApprovalPlan,
  BuiltCase,
  type BuiltRound,
  type BuiltSpecification,
  type Milestone,
  MILESTONES,
  type OfferPlan,
  type ProposalPlan,
  type RoundPlan,
  type ScorePlan,
  type ShortlistPlan,
} from './plan';
import { caseBody, dateIn, DEFAULT_PEOPLE, inMinutes, type PersonPlan, specBody, type SpecificationPlan } from './defaults';
import {
  createPerson,
  createSupplier,
  type Person,
  propose,
  type SupplierPlan,
  transition,
  unique,
} from './steps';
import { type ApiTransport } from './transport';

/** Three compressor makers with a valid ISO 9001 certificate. */
export function defaultSuppliers(): SupplierPlan[] {
  const names: Array<[string, string]> = [
    ['atlas', 'Atlas Kompressoren GmbH'],
    ['boreal', 'Boreal Air SA'],
    ['cumulus', 'Cumulus Pneumatics Ltd'],
  ];
  return names.map(([key, name]) => ({
    key,
    legalName: `${name} ${unique()}`,
    certifications: [{ name: 'ISO 9001', issuedOn: dateIn(-365), expiresOn: dateIn(3 * 365) }],
  }));
}

const SOLE_SOURCE = 'Only this supplier can deliver the item: it holds the design rights and the tooling.';
const JUSTIFICATION = 'Best weighted total: cheapest compliant offer with good quality marks.';

/**
 * One walk of a case through the real REST API — people, suppliers with a record, specification,
 * shortlist, rounds with offers (buyer and supplier portal), scores, proposal, approvals — shared
 * by the e2e specs, the demo and the benches. Every section is optional (a default stands in),
 * and `build(milestone)` stops wherever a caller needs the case; calling it again goes on from
 * there. Nothing is written with SQL: what the builder makes is what the API makes.
 */
export class CaseBuilder {
  readonly api: ApiClient;
  readonly built = new BuiltCase();
  private people: PersonPlan[] = DEFAULT_PEOPLE;
  private caseOverrides: Record<string, unknown> = {};
  private supplierPlans: SupplierPlan[] | null = null;
  private specificationPlan: SpecificationPlan | null = null;
  private shortlistPlan: ShortlistPlan = {};
  private rates: Record<string, string> = {};
  private roundPlans: RoundPlan[] = [{}];
  private scorePlan: ScorePlan = ({ supplierIndex }) => 8 - supplierIndex;
  private proposalPlan: ProposalPlan = {};
  private approvalPlan: ApprovalPlan = {};

  constructor(
    api: ApiClient | ApiTransport,
    private readonly adminToken: string,
  ) {
    this.api = api instanceof ApiClient ? api : new ApiClient(api);
  }

  withPeople(people: PersonPlan[]): this {
    this.people = people;
    return this;
  }

  /** fields of `POST /cases` over the default strategic compressor purchase */
  withCase(overrides: Record<string, unknown>): this {
    this.caseOverrides = { ...this.caseOverrides, ...overrides };
    return this;
  }

  withSuppliers(suppliers: SupplierPlan[]): this {
    this.supplierPlans = suppliers;
    return this;
  }

  withSpecification(body: SpecificationPlan): this {
    this.specificationPlan = body;
    return this;
  }

  withShortlist(plan: ShortlistPlan): this {
    this.shortlistPlan = plan;
    return this;
  }

  /** units of the case's currency per unit of each currency, set by the buyer before the first round */
  withExchangeRates(rates: Record<string, string>): this {
    this.rates = rates;
    return this;
  }

  withRounds(rounds: RoundPlan[]): this {
    this.roundPlans = rounds;
    return this;
  }

  withScores(score: ScorePlan): this {
    this.scorePlan = score;
    return this;
  }

  withProposal(plan: ProposalPlan): this {
    this.proposalPlan = plan;
    return this;
  }

  withApprovals(plan: ApprovalPlan): this {
    this.approvalPlan = plan;
    return this;
  }

  /** Walks on from the last milestone reached up to and including `until`. */
  async build(until: Milestone = 'AWARDED'): Promise<BuiltCase> {
    const target = MILESTONES.indexOf(until);
    for (let next = this.built.reached === null ? 0 : MILESTONES.indexOf(this.built.reached) + 1; next <= target; next++) {
      await this.steps[MILESTONES[next]]();
      this.built.reached = MILESTONES[next];
    }
    return this.built;
  }

  private readonly steps: Record<Milestone, () => Promise<void>> = {
    people: async () => {
      for (const plan of this.people) {
        this.built.people[plan.key] = plan.existing ? { ...plan.existing, key: plan.key } : await createPerson(this.api, this.adminToken, plan);
      }
    },
    suppliers: async () => {
      if (this.supplierPlans) await this.createSuppliers(this.supplierPlans);
    },
    NEED: async () => {
      const initiator = this.holder('initiator');
      const created = await this.api.post<{ id: string; reference: string; stage: Stage }>('/cases', initiator.token, caseBody(this.caseOverrides));
      Object.assign(this.built, { case: created, caseId: created.id, reference: created.reference, stage: created.stage });
      for (const plan of this.people) {
        const roles = plan.roles.filter((r) => r !== 'initiator');
        if (roles.length === 0) continue;
        await this.api.post(this.on('/members'), initiator.token, { userId: this.built.person(plan.key).id, roles });
      }
      // evaluators, deciders and approvers declare (no conflict) before they score, propose or sign
      for (const plan of this.people) {
        if (plan.roles.some((r) => DECLARING_ROLES.includes(r)) && plan.declare !== false) {
          await this.api.post(this.on('/declarations'), this.built.person(plan.key).token, { conflict: false });
        }
      }
    },
    SPECIFICATION: () => this.moveTo('SPECIFICATION', 'initiator'),
    specified: async () => {
      const prescriber = this.holder('prescriber');
      if (this.built.stage !== 'SPECIFICATION') {
        // a straight rebuy passed SPECIFICATION with a frozen copy of the previous case's specification
        this.built.specification = await this.api.get<BuiltSpecification>(this.on('/specification'), prescriber.token);
        return;
      }
      let body = this.specificationPlan;
      if (!body) {
        // a modified rebuy starts from a copy: keep it unless the plan has its own
        const copy = await this.api.request<BuiltSpecification>('GET', this.on('/specification'), { token: prescriber.token });
        if (copy.status === 200) {
          this.built.specification = copy.body;
          return;
        }
        body = specBody();
      }
      this.built.specification = await this.api.put<BuiltSpecification>(this.on('/specification'), prescriber.token, body);
    },
    SHORTLISTING: () => this.moveTo('SHORTLISTING', 'prescriber'),
    shortlisted: async () => {
      if (this.built.suppliers.length === 0) await this.createSuppliers(this.supplierPlans ?? defaultSuppliers());
      const buyer = this.holder('buyer');
      const keys = this.shortlistPlan.suppliers ?? this.built.suppliers.map((s) => s.key);
      for (const key of keys) await this.api.post(this.on('/shortlist'), buyer.token, { supplierId: this.built.supplier(key).id });
      const minimum = SHORTLIST_MINIMUM[this.built.case.purchaseType as PurchaseType];
      const justification = this.shortlistPlan.justification ?? (keys.length < minimum ? SOLE_SOURCE : undefined);
      if (justification) await this.api.post(this.on('/shortlist/justification'), buyer.token, { text: justification });
    },
    'shortlist-approved': async () => {
      if (this.shortlistPlan.approve === false) return;
      await this.api.post(this.on('/shortlist/approval'), this.holder('gatekeeper').token, {});
    },
    NEGOTIATION: () => this.moveTo('NEGOTIATION', 'buyer'),
    negotiated: async () => {
      const rates = Object.entries(this.rates).map(([currency, rate]) => ({ currency, rate }));
      if (rates.length > 0) await this.api.put(this.on('/exchange-rates'), this.holder('buyer').token, { rates });
      for (const plan of this.roundPlans) await this.runRound(plan);
    },
    DECISION: () => this.moveTo('DECISION', 'buyer'),
    scored: async () => {
      const suppliers = this.built.decisionSuppliers();
      const criteria = (this.built.specification?.criteria ?? []).filter((k) => k.source === 'evaluator');
      const evaluators = this.people.filter((p) => p.roles.includes('evaluator'));
      for (const [evaluatorIndex, evaluator] of evaluators.entries()) {
        const scores = suppliers.flatMap((s, supplierIndex) =>
          criteria.map((k, criterionIndex) => {
            const planned = this.scorePlan({ evaluator: evaluator.key, evaluatorIndex, supplier: s.key, supplierIndex, criterion: k.name, criterionIndex });
            return { supplierId: s.id, criterionId: k.id, ...(typeof planned === 'number' || planned === null ? { score: planned } : planned) };
          }),
        );
        const given = scores.filter((s) => s.score !== null);
        if (given.length > 0) await this.api.put(this.on('/scores'), this.built.person(evaluator.key).token, { scores: given });
      }
    },
    proposed: async () => {
      const supplierId = this.proposalPlan.supplier ? this.built.supplier(this.proposalPlan.supplier).id : undefined;
      this.built.proposal = await propose(this.api, this.built.caseId, this.holder('decider').token, this.proposalPlan.justification ?? JUSTIFICATION, supplierId);
    },
    APPROVAL: () => this.moveTo('APPROVAL', 'decider'),
    AWARDED: async () => {
      const signers = this.approvalPlan.by ?? this.people.filter((p) => p.roles.includes('approver')).map((p) => p.key);
      const comment = this.approvalPlan.comment === undefined ? {} : { comment: this.approvalPlan.comment };
      for (const key of signers) {
        if (!this.approvalPlan.by && this.built.stage === 'AWARDED') break;
        const signed = await this.api.post<{ caseStage: Stage }>(this.on('/approvals'), this.built.person(key).token, { verdict: 'approve', ...comment });
        this.built.stage = signed.caseStage;
      }
      this.built.case = await this.api.get(this.on(''), this.adminToken);
      this.built.stage = this.built.case.stage as Stage;
      if (!this.approvalPlan.by && this.built.stage !== 'AWARDED') throw new Error(`every approver signed and the case is still ${this.built.stage}`);
    },
  };

  private async runRound(plan: RoundPlan): Promise<void> {
    const buyer = this.holder('buyer');
    const opened = await this.api.post<{ number: number; participants: Array<{ supplierId: string }> }>(this.on('/rounds'), buyer.token, {
      deadline: plan.deadline ?? inMinutes(60),
      ...(plan.bestAndFinal === undefined ? {} : { bestAndFinal: plan.bestAndFinal }),
    });
    const round: BuiltRound = {
      number: opened.number,
      participants: opened.participants.map((p) => p.supplierId),
      offered: [],
      eliminated: [],
      tokens: {},
      closed: false,
    };
    this.built.rounds.push(round);
    const path = (rest: string) => this.on(`/rounds/${round.number}${rest}`);
    const offers: OfferPlan[] =
      plan.offers ??
      round.participants.map((id, i) => ({ supplier: this.built.suppliers.find((s) => s.id === id)!.key, totalPrice: (10_000 + 500 * i).toFixed(2) }));
    if (offers.some((o) => o.via === 'portal')) {
      const issued = await this.api.post<Array<{ supplierId: string; token: string }>>(path('/invitations'), buyer.token, {});
      for (const invitation of issued) round.tokens[invitation.supplierId] = invitation.token;
    }
    for (const offer of offers) {
      const supplier = this.built.supplier(offer.supplier);
      if (offer.via === 'portal') await this.api.post('/supplier-portal/offers', round.tokens[supplier.id], this.offerBody(offer));
      else await this.api.post(path('/offers'), buyer.token, { supplierId: supplier.id, ...this.offerBody(offer) });
      if (!round.offered.includes(supplier.id)) round.offered.push(supplier.id);
    }
    if (plan.close === false) return;
    await this.api.post(path('/close'), buyer.token, {});
    round.closed = true;
    for (const { supplier, reason } of plan.eliminate ?? []) {
      const { id } = this.built.supplier(supplier);
      await this.api.post(path('/eliminations'), buyer.token, { supplierId: id, reason });
      round.eliminated.push(id);
    }
  }

  /** An offer body that answers the current specification: every requirement, every offer-valued criterion. */
  private offerBody(offer: OfferPlan): Record<string, unknown> {
    const spec = this.built.specification!;
    return {
      totalPrice: offer.totalPrice ?? '10000.00',
      currency: offer.currency ?? String(this.built.case.currency),
      leadTimeDays: offer.leadTimeDays ?? 21,
      warrantyMonths: offer.warrantyMonths ?? 24,
      paymentDays: offer.paymentDays ?? 30,
      validUntil: offer.validUntil ?? '2099-12-31',
      compliance: spec.requirements.map((r) => ({ requirementId: r.id, met: offer.compliance?.[r.text] ?? true })),
      values: spec.criteria.filter((k) => k.source === 'offer.value').map((k) => ({ criterionId: k.id, value: offer.values?.[k.name] ?? 10 })),
      ...(offer.lineItems ? { lineItems: offer.lineItems } : {}),
      ...(offer.notes ? { notes: offer.notes } : {}),
    };
  }

  private async createSuppliers(plans: SupplierPlan[]): Promise<void> {
    const category = String(caseBody(this.caseOverrides).category);
    for (const plan of plans) this.built.suppliers.push(await createSupplier(this.api, this.adminToken, plan, category));
  }

  /** The first person of the plan holding `role`: the one who acts in it. */
  private holder(role: PersonPlan['roles'][number]): Person {
    const plan = this.people.find((p) => p.roles.includes(role));
    if (!plan) throw new Error(`the plan has nobody in the ${role} role`);
    return this.built.person(plan.key);
  }

  private async moveTo(stage: Stage, role: PersonPlan['roles'][number]): Promise<void> {
    if (STAGES.indexOf(this.built.stage!) >= STAGES.indexOf(stage)) return;
    this.built.stage = await transition(this.api, this.built.caseId, this.holder(role).token, stage);
  }

  private on(path: string): string {
    return `/cases/${this.built.caseId}${path}`;
  }
}
