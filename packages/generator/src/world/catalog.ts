/** What the vendor sells and teaches: products, courses, learning paths, certifications. */

/** Product names as they appear on invoices; a few need CSV quoting. */
export const products = [
  'Cloud Suite Standard',
  'Cloud Suite, Enterprise Edition',
  'Security Gateway',
  'Security Gateway XL',
  'Data Platform',
  'Data Platform Add-on: Analytics',
  'Endpoint Protect',
  'Backup & Recovery',
  'Support Plan "Premium"',
  'Professional Services\nImplementation',
] as const;

/** Relative frequency of each product above (the quoting cases are rarer). */
export const productWeights = [20, 8, 14, 6, 14, 5, 12, 10, 4, 1] as const;

export interface Course {
  readonly id: string;
  readonly learningPath: string | null;
  readonly required: boolean;
}

export const requiredCourses: readonly Course[] = [
  { id: 'PARTNER-101', learningPath: null, required: true },
  { id: 'SALES-101', learningPath: null, required: true },
  { id: 'TECH-101', learningPath: null, required: true },
];

export const learningPaths: Readonly<Record<string, readonly Course[]>> = {
  sales_specialist: [
    { id: 'SALES-201', learningPath: 'sales_specialist', required: false },
    { id: 'SALES-301', learningPath: 'sales_specialist', required: false },
  ],
  technical_specialist: [
    { id: 'TECH-201', learningPath: 'technical_specialist', required: false },
    { id: 'TECH-301', learningPath: 'technical_specialist', required: false },
  ],
  cloud_architect: [
    { id: 'CLOUD-201', learningPath: 'cloud_architect', required: false },
    { id: 'CLOUD-301', learningPath: 'cloud_architect', required: false },
    { id: 'CLOUD-401', learningPath: 'cloud_architect', required: false },
  ],
};

export const certificationLevels = ['foundation', 'associate', 'professional', 'expert'] as const;
export type CertificationLevel = (typeof certificationLevels)[number];

export const certificationsByLevel: Readonly<Record<CertificationLevel, readonly string[]>> = {
  foundation: ['sales_foundation', 'cloud_foundation'],
  associate: ['cloud_associate', 'security_associate'],
  professional: ['cloud_architect', 'security_professional'],
  expert: ['security_expert', 'data_platform_expert'],
};

/** Years until a certification must be renewed. */
export const certificationValidityYears = 2;

/** Sales stages in the CRM's own words, in order. */
export const pipelineStages = ['qualification', 'discovery', 'proposal', 'negotiation', 'commit'] as const;
