// Command k8s-manifest-check validates Kubernetes manifests without a cluster:
//
//   - every document is decoded strictly into the Kubernetes API's own Go types (k8s.io/api, and
//     the Prometheus Operator's for PodMonitor): an unknown field, a misspelt key or a value of
//     the wrong type fails, as `kubectl apply --validate=strict` would;
//   - every pod template is evaluated by the Pod Security admission's own checks
//     (k8s.io/pod-security-admission) at the "restricted" level, latest version;
//   - selectors select their pod templates, and probes name declared container ports.
//
// Usage: go run . FILE.yaml... (exit 1 and one line per problem when anything fails).
package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	psapi "k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"
)

type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
}

// newObject returns an empty object of the API type for apiVersion/kind, or nil if unknown.
func newObject(t typeMeta) any {
	switch t.APIVersion + "/" + t.Kind {
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}
	case "v1/Secret":
		return &corev1.Secret{}
	case "v1/Service":
		return &corev1.Service{}
	case "apps/v1/Deployment":
		return &appsv1.Deployment{}
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "monitoring.coreos.com/v1/PodMonitor":
		return &monitoringv1.PodMonitor{}
	}
	return nil
}

// documents splits a multi-document YAML file, dropping empty documents.
func documents(data []byte) [][]byte {
	var docs [][]byte
	for _, part := range bytes.Split(data, []byte("\n---")) {
		if len(strings.TrimSpace(stripComments(string(part)))) > 0 {
			docs = append(docs, part)
		}
	}
	return docs
}

func stripComments(text string) string {
	var kept []string
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			kept = append(kept, line)
		}
	}
	return strings.Join(kept, "\n")
}

var evaluator, _ = policy.NewEvaluator(policy.DefaultChecks())

// checkPod runs the restricted Pod Security checks and the probe/port consistency checks.
func checkPod(meta *metav1.ObjectMeta, spec *corev1.PodSpec) []string {
	var problems []string
	level := psapi.LevelVersion{Level: psapi.LevelRestricted, Version: psapi.LatestVersion()}
	for _, result := range evaluator.EvaluatePod(level, meta, spec) {
		if !result.Allowed {
			problems = append(problems, fmt.Sprintf("Pod Security restricted: %s (%s)", result.ForbiddenReason, result.ForbiddenDetail))
		}
	}
	for _, c := range spec.Containers {
		ports := map[string]bool{}
		for _, p := range c.Ports {
			ports[p.Name] = true
		}
		for name, probe := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe} {
			if probe != nil && probe.HTTPGet != nil && probe.HTTPGet.Port.StrVal != "" && !ports[probe.HTTPGet.Port.StrVal] {
				problems = append(problems, fmt.Sprintf("container %s: %s probe port %q is not declared", c.Name, name, probe.HTTPGet.Port.StrVal))
			}
		}
	}
	return problems
}

func selects(selector *metav1.LabelSelector, podLabels map[string]string) bool {
	s, err := metav1.LabelSelectorAsSelector(selector)
	return err == nil && !s.Empty() && s.Matches(labels.Set(podLabels))
}

func main() {
	failed := false
	report := func(where string, problem string) {
		failed = true
		fmt.Printf("%s: %s\n", where, problem)
	}
	var podLabels []map[string]string
	var selectors []struct {
		where    string
		selector *metav1.LabelSelector
	}
	checked := 0
	for _, file := range os.Args[1:] {
		data, err := os.ReadFile(file)
		if err != nil {
			report(file, err.Error())
			continue
		}
		for i, doc := range documents(data) {
			var t typeMeta
			if err := yaml.Unmarshal(doc, &t); err != nil {
				report(fmt.Sprintf("%s#%d", file, i+1), err.Error())
				continue
			}
			where := fmt.Sprintf("%s#%d %s", file, i+1, t.Kind)
			object := newObject(t)
			if object == nil {
				report(where, fmt.Sprintf("unknown apiVersion/kind %s %s", t.APIVersion, t.Kind))
				continue
			}
			if err := yaml.UnmarshalStrict(doc, object); err != nil {
				report(where, err.Error())
				continue
			}
			checked++
			switch o := object.(type) {
			case *appsv1.Deployment:
				if !selects(o.Spec.Selector, o.Spec.Template.Labels) {
					report(where, "spec.selector does not select the pod template's labels")
				}
				for _, p := range checkPod(&o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec) {
					report(where, p)
				}
				podLabels = append(podLabels, o.Spec.Template.Labels)
			case *policyv1.PodDisruptionBudget:
				selectors = append(selectors, struct {
					where    string
					selector *metav1.LabelSelector
				}{where, o.Spec.Selector})
			case *monitoringv1.PodMonitor:
				selectors = append(selectors, struct {
					where    string
					selector *metav1.LabelSelector
				}{where, &o.Spec.Selector})
			}
		}
	}
	for _, s := range selectors {
		matched := false
		for _, l := range podLabels {
			matched = matched || selects(s.selector, l)
		}
		if !matched {
			report(s.where, "selector matches no pod template in these files")
		}
	}
	if failed {
		os.Exit(1)
	}
	fmt.Printf("%d objects valid; pod templates pass Pod Security \"restricted\" (%s)\n", checked, psapi.LatestVersion().String())
}
