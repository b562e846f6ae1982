/** Fields every tracked ARM resource carries (common-types v5 `TrackedResource`). */
export interface ArmResource<P> {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  location?: string;
  tags?: Record<string, string>;
  properties: P;
  readonly systemData?: SystemData;
}

interface SystemData {
  createdBy?: string;
  createdByType?: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  createdAt?: string;
  lastModifiedBy?: string;
  lastModifiedByType?: 'User' | 'Application' | 'ManagedIdentity' | 'Key';
  lastModifiedAt?: string;
}
