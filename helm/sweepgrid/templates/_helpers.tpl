{{/* Names. */}}
{{- define "sweepgrid.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "sweepgrid.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "sweepgrid.coordinator" -}}{{ include "sweepgrid.fullname" . | trunc 51 }}-coordinator{{- end -}}
{{- define "sweepgrid.coordinatorHeadless" -}}{{ include "sweepgrid.fullname" . | trunc 51 }}-members{{- end -}}
{{- define "sweepgrid.node" -}}{{ include "sweepgrid.fullname" . | trunc 56 }}-node{{- end -}}
{{- define "sweepgrid.api" -}}{{ include "sweepgrid.fullname" . | trunc 59 }}-api{{- end -}}
{{- define "sweepgrid.postgresql" -}}{{ include "sweepgrid.fullname" . | trunc 52 }}-postgresql{{- end -}}

{{- define "sweepgrid.secretName" -}}
{{- default (printf "%s-secrets" (include "sweepgrid.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{- define "sweepgrid.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "sweepgrid.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Labels. */}}
{{- define "sweepgrid.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sweepgrid.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sweepgrid.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "sweepgrid.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: sweepgrid
{{- end -}}

{{/* Images. */}}
{{- define "sweepgrid.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- define "sweepgrid.cudaImage" -}}
{{- printf "%s:%s" .Values.image.cudaRepository (default (printf "%s-cuda" .Chart.AppVersion) .Values.image.cudaTag) -}}
{{- end -}}

{{/*
Seed nodes: the first cluster.seedCount coordinator pods at their stable StatefulSet DNS names,
as host:port (the program forms akka.tcp://sweepgrid@host:port from them).
*/}}
{{- define "sweepgrid.seedNodes" -}}
{{- $seeds := list -}}
{{- $count := int (min .Values.cluster.seedCount .Values.coordinator.replicas) -}}
{{- range $i := until $count -}}
{{- $seeds = append $seeds (printf "%s-%d.%s.%s.svc.cluster.local:%d" (include "sweepgrid.coordinator" $) $i (include "sweepgrid.coordinatorHeadless" $) $.Release.Namespace (int $.Values.cluster.port)) -}}
{{- end -}}
{{- join "," $seeds -}}
{{- end -}}

{{/* Environment shared by every member: database, cluster, API. */}}
{{- define "sweepgrid.commonEnv" -}}
- name: POD_NAME
  valueFrom: {fieldRef: {fieldPath: metadata.name}}
- name: POD_IP
  valueFrom: {fieldRef: {fieldPath: status.podIP}}
- name: SWEEPGRID_DATABASE__URL
  valueFrom:
    secretKeyRef: {name: {{ include "sweepgrid.secretName" . }}, key: {{ .Values.secretKeys.databaseUrl }}}
- name: SWEEPGRID_API__TOKEN
  valueFrom:
    secretKeyRef: {name: {{ include "sweepgrid.secretName" . }}, key: {{ .Values.secretKeys.apiToken }}}
- name: SWEEPGRID_API__URLS
  value: {{ printf "http://0.0.0.0:%d" (int .Values.api.port) | quote }}
- name: SWEEPGRID_API__MAXBODYBYTES
  value: {{ .Values.api.maxBodyBytes | int64 | toString | quote }}
- name: SWEEPGRID_CLUSTER__HOSTNAME
  value: "0.0.0.0"
- name: SWEEPGRID_CLUSTER__PORT
  value: {{ .Values.cluster.port | int | toString | quote }}
- name: SWEEPGRID_CLUSTER__SEEDNODES
  value: {{ include "sweepgrid.seedNodes" . | quote }}
- name: SWEEPGRID_DATA
  value: /data
- name: DOTNET_gcServer
  value: "0"
{{- end -}}

{{/* Probes on the HTTP port every member serves. */}}
{{- define "sweepgrid.probes" -}}
startupProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /healthz, port: http}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /readyz, port: http}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}

{{/* Dataset volume and the init container that fills it. */}}
{{- define "sweepgrid.dataVolume" -}}
- name: data
{{- if .Values.data.existingClaim }}
  persistentVolumeClaim: {claimName: {{ .Values.data.existingClaim }}}
{{- else }}
  emptyDir: {}
{{- end }}
- name: tmp
  emptyDir: {}
{{- end -}}

{{- define "sweepgrid.dataInit" -}}
{{- if and .root.Values.data.download (not .root.Values.data.existingClaim) }}
- name: datasets
  image: {{ .image }}
  imagePullPolicy: {{ .root.Values.image.pullPolicy }}
  command: ["/bin/sh", "-c"]
  args:
    - |
      set -e
      {{- range .root.Values.data.datasets }}
      /app/sweepgrid data download {{ . }} --data /data
      {{- end }}
  securityContext: {{- toYaml .root.Values.securityContext | nindent 4 }}
  volumeMounts:
    - {name: data, mountPath: /data}
    - {name: tmp, mountPath: /tmp}
{{- end }}
{{- end -}}

{{/*
Generated secrets. The API token and the bundled database's password are taken from the values,
else from the Secret of an earlier release (so an upgrade keeps them), else generated once per
render and written back into .Values so every template of this render sees the same value.
*/}}
{{- define "sweepgrid.ensureSecrets" -}}
{{- if not (hasKey .Values "_generated") -}}
{{- $old := lookup "v1" "Secret" .Release.Namespace (include "sweepgrid.secretName" .) -}}
{{- $oldData := dict -}}
{{- if $old }}{{- $oldData = $old.data -}}{{- end -}}
{{- $token := .Values.apiToken | default (get $oldData .Values.secretKeys.apiToken | b64dec) | default (randAlphaNum 40) -}}
{{- $pg := .Values.postgresql.password | default (get $oldData "postgres-password" | b64dec) | default (randAlphaNum 32) -}}
{{- $_ := set .Values "_generated" (dict "apiToken" $token "postgresPassword" $pg) -}}
{{- end -}}
{{- end -}}

{{- define "sweepgrid.apiTokenValue" -}}
{{- include "sweepgrid.ensureSecrets" . -}}{{- .Values._generated.apiToken -}}
{{- end -}}

{{- define "sweepgrid.postgresPassword" -}}
{{- include "sweepgrid.ensureSecrets" . -}}{{- .Values._generated.postgresPassword -}}
{{- end -}}
